"""Reading plain UTF-8 CSV files with Arrow's multi-threaded reader, when pyarrow is installed.

pandas' reader is the reference: for the files this module accepts it gives the very same
table (the same column names, rows and cells, every cell text, blanks missing), only faster,
and its string columns need no conversion because pandas keeps Arrow strings as they are.
Anything it does not accept, or that Arrow's stricter parser refuses (ragged rows, blank or
repeated header names, whitespace-only lines, bad UTF-8, a title above the header), answers
``None`` and the pandas reader reads the file, with its own results and error messages.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import numpy as np
import pandas as pd

from .table_shape import MAX_COLUMNS, WHITESPACE

#: Encodings Arrow reads natively (others would be transcoded through Python's codecs).
_UTF8 = {"utf-8", "ascii"}
_BLOCK_BYTES = 4 * 1024**2


#: pandas 3 or later: text is its ``str`` dtype, stored as Arrow strings or Python objects.
PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3


def arrow_available() -> bool:
    """pyarrow can be imported and pandas keeps Arrow strings as its ``str`` dtype."""
    if not PANDAS_3:
        return False  # pandas 2 would turn every cell into a Python object again
    try:
        import pyarrow
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return False
    return True


def accepts(delimiter: str, encoding: str, header_row: int | None) -> bool:
    """Whether a file with this layout is one this reader may read."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    if name == "utf-8-sig":
        name = "utf-8"  # Arrow skips a UTF-8 byte order mark itself
    return (
        delimiter != WHITESPACE
        and len(delimiter) == 1
        and delimiter not in '"\r\n'
        and name in _UTF8
        and header_row in (0, None)
    )


def read_csv_arrow(path: Path, delimiter: str, header: bool) -> tuple[pd.DataFrame, int] | None:
    """``(table, bytes in the longest cell)``, or ``None`` when pandas must read the file.

    The header line is read as a data row, so header names go through the same parser as
    the cells; the table then starts at the next row, as pandas' does.
    """
    import pyarrow as pa
    from pyarrow import csv as pa_csv

    try:
        table = pa_csv.read_csv(
            path,
            memory_pool=_memory_pool(pa),
            read_options=pa_csv.ReadOptions(
                autogenerate_column_names=True, block_size=_BLOCK_BYTES
            ),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                # Arrow names the columns f0, f1, …; every one is read as text, with the
                # 64-bit offsets pandas keeps (so it need not convert them).
                column_types={f"f{i}": pa.large_string() for i in range(MAX_COLUMNS + 1)},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowException, ValueError):
        return None  # pandas reads it, and names what is wrong if anything is
    if table.num_rows == 0 or table.num_columns > MAX_COLUMNS:
        return None
    if not all(pa.types.is_large_string(field.type) for field in table.schema):
        return None
    if header:
        names = [table.column(i)[0].as_py() for i in range(table.num_columns)]
        if any(not name for name in names) or len(set(names)) < len(names):
            return None  # pandas invents names for blank and repeated headers
        table = table.slice(1).rename_columns(names)
    longest = max((_longest_cell(column) for column in table.columns), default=0)
    frame = table.to_pandas()
    if not all(pd.api.types.is_string_dtype(dtype) for dtype in frame.dtypes):
        return None
    return frame, longest


def _longest_cell(column) -> int:
    """Bytes in the longest cell of a chunked large-string column, from its offsets one
    chunk at a time (online_retail's eight columns: 5 ms against 7.5 ms for Arrow's
    lengths of whole columns)."""
    longest = 0
    for chunk in column.chunks:
        if len(chunk):
            ends = np.frombuffer(
                chunk.buffers()[1], dtype=np.int64, count=chunk.offset + len(chunk) + 1
            )[chunk.offset :]
            longest = max(longest, int(np.diff(ends).max()))
    return longest


def _memory_pool(pa):
    """jemalloc where pyarrow has it: on the 2-CPU benchmark VM, five fresh processes read
    online_retail in 0.15-0.29 s with the default pool (mimalloc) and 0.17-0.19 s with
    jemalloc; the whole engine case took 0.38-0.60 s against 0.40-0.43 s."""
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:
        return None
