"""RFM functions for xlwings Lite: paste this into the workbook's main.py.

The functions come from the ``rfm-segments`` package installed through requirements.txt
(see excel_addin/README.md). Type =RFM.TABLE(A1:C5000) next to your orders, or run the
script "analyse_this_sheet" on a sheet of orders (the xlwings Lite task pane, ▶ Run).
"""

from excel_addin.functions import (  # noqa: F401  (xlwings Lite registers what main.py holds)
    notes,
    predict,
    predict_info,
    recency,
    score,
    segment,
    segments,
    summary,
    table,
    thresholds,
    version,
)
from excel_addin.sheet_script import analyse_this_sheet  # noqa: F401
