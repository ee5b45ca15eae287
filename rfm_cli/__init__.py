"""The ``rfm`` command line: a face over :mod:`rfm_engine`."""
