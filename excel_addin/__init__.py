"""Excel functions through xlwings: ``RFM.TABLE``, ``RFM.SUMMARY``, ``RFM.SCORE`` and more.

The functions live in :mod:`excel_addin.functions` (importing it needs xlwings); they are thin
wrappers over :mod:`rfm_engine`, so a sheet shows the same numbers as the ``rfm`` command and the
desktop app. See ``excel_addin/README.md`` for xlwings Lite and the classic Windows add-in.
"""
