"""RFM functions for xlwings Lite: paste this into the workbook's main.py.

The functions come from the ``rfm-segments`` package installed through requirements.txt
(see excel_addin/README.md). Type =RFM.TABLE(A1:C5000) next to your orders.
"""

from excel_addin.functions import (  # noqa: F401  (xlwings Lite registers what main.py holds)
    rfm_predict,
    rfm_predict_info,
    rfm_recency,
    rfm_score,
    rfm_segment,
    rfm_segments,
    rfm_summary,
    rfm_table,
    rfm_thresholds,
    rfm_version,
)
