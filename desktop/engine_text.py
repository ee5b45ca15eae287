"""The engine's errors and warnings in the app's words and language.

The engine says what went wrong in one English line and, beside it, as data: a reason ``code``
(:data:`rfm_engine.errors.REASONS`, each error class's default code, :data:`rfm_engine.notes.
WARNINGS`), the ``option`` that changes the outcome (a path into ``RfmConfig``) and the details
(file, column, rows, examples). This module turns that data into a sentence in English, 简体中文
or 繁體中文 that names the app's own controls, never a command-line flag.

In English the engine's own line is shown (it is the most precise), followed by the control to
change; in Chinese the sentence comes from the code and the details, so no English is shown
except the user's own data (file names, column names, example values).

Plain Python (no Qt) so that the wording can be tested against every code without a window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rfm_engine.outputs import (
    DETAIL_LABELS,
    SEP,
    WARNING_SENTENCES,
    as_list,
    detail_lines,
    lang_index,
)
from rfm_engine.outputs import warning_text as engine_warning_text

LANGS = ("en", "zh_CN", "zh_TW")

#: Reason codes of errors → sentence (English, 简体中文, 繁體中文).
ERRORS: dict[str, tuple[str, str, str]] = {
    # each class's default code
    "error": ("The data cannot be analysed.", "无法分析这些数据。", "無法分析這些資料。"),
    "config": ("A setting is not valid.", "有一项设置无效。", "有一項設定無效。"),
    "input_file": (
        "The file cannot be opened or read as a table.",
        "无法打开该文件，或无法把它读成表格。",
        "無法開啟該檔案，或無法把它讀成表格。",
    ),
    "output_file": (
        "The file cannot be written there.",
        "无法在该位置写入文件。",
        "無法在該位置寫入檔案。",
    ),
    "column": (
        "A required column is missing or cannot be found.",
        "缺少必需的列，或找不到它。",
        "缺少必需的欄，或找不到它。",
    ),
    "data": (
        "The values of a column cannot be used.",
        "某一列的值无法使用。",
        "某一欄的值無法使用。",
    ),
    "scheme": (
        "The segment scheme cannot be loaded or does not fit the scores.",
        "无法载入分群方案，或方案与评分设置不符。",
        "無法載入分群方案，或方案與評分設定不符。",
    ),
    # codes of their own (rfm_engine.errors.REASONS)
    "no_purchases": (
        "No purchase rows are left after cleaning.",
        "清理之后没有剩下任何购买记录。",
        "清理之後沒有剩下任何購買紀錄。",
    ),
    "no_purchases_then": (
        "There are no purchases up to the earlier date of the comparison.",
        "在比较的较早日期之前没有任何购买记录。",
        "在比較的較早日期之前沒有任何購買紀錄。",
    ),
    "mostly_unreadable": (
        "Most rows of the date or amount column cannot be read.",
        "日期列或金额列的大多数行无法读取。",
        "日期欄或金額欄的大多數列無法讀取。",
    ),
    "ambiguous_dates": (
        "The dates could be day-first or month-first.",
        "这些日期既可能是“日在前”，也可能是“月在前”。",
        "這些日期既可能是「日在前」，也可能是「月在前」。",
    ),
    "unreadable_date": (
        "A date cannot be read in the date order used.",
        "按当前的日期顺序，有日期无法读取。",
        "按目前的日期順序，有日期無法讀取。",
    ),
    "bad_encoding": (
        "The file contains bytes that are not valid in its text encoding.",
        "文件中有不符合其文字编码的字节。",
        "檔案中有不符合其文字編碼的位元組。",
    ),
    "needs_email": (
        "This export format needs an e-mail column.",
        "这种导出格式需要电子邮件列。",
        "這種匯出格式需要電子郵件欄。",
    ),
    "rule_off": (
        "Some rows would be dropped by a cleaning rule that is switched off.",
        "有些行会被一条已关闭的清理规则删除。",
        "有些列會被一條已關閉的清理規則刪除。",
    ),
    "output_is_input": (
        "The output file is one of the input files; it was not overwritten.",
        "输出文件是输入文件之一，未覆盖它。",
        "輸出檔案是輸入檔案之一，未覆寫它。",
    ),
    "unencodable_output": (
        "Some text cannot be written in the chosen output encoding.",
        "有些文字无法以所选的输出编码写入。",
        "有些文字無法以所選的輸出編碼寫入。",
    ),
    "duckdb_missing": (
        "The large-file engine is not installed.",
        "未安装大文件分析引擎。",
        "未安裝大檔案分析引擎。",
    ),
    "ibis_missing": (
        "Reading from a database is not installed.",
        "未安装数据库读取功能。",
        "未安裝資料庫讀取功能。",
    ),
    "database": (
        "The database cannot be read.",
        "无法读取该数据库。",
        "無法讀取該資料庫。",
    ),
    "table_name": (
        "The table name is not valid.",
        "表名无效。",
        "表名無效。",
    ),
    "password_in_url": (
        "The database address contains a password; give it separately.",
        "数据库地址中含有密码，请单独填写密码。",
        "資料庫位址中含有密碼，請另外填寫密碼。",
    ),
    "different_layouts": (
        "The files opened together have different columns.",
        "一起打开的文件列不相同。",
        "一起開啟的檔案欄位不相同。",
    ),
    "no_last_purchase": (
        "The customer list has no last-purchase date, so recency cannot be computed.",
        "客户名单没有最近购买日期，因此无法计算最近一次购买距今天数。",
        "客戶名單沒有最近購買日期，因此無法計算最近一次購買距今天數。",
    ),
    "needs_as_of": (
        "Days since the last purchase need the day they were counted to (the analysis date).",
        "“距上次购买天数”需要知道计算到哪一天（分析日期）。",
        "「距上次購買天數」需要知道計算到哪一天（分析日期）。",
    ),
    "repeated_customer": (
        "A customer appears on several rows of the customer list.",
        "同一客户在客户名单中出现在多行。",
        "同一客戶在客戶名單中出現在多列。",
    ),
    "list_has_no_history": (
        "A customer list has no purchase history (earlier dates, predictions need one).",
        "客户名单没有购买历史（较早日期的比较和预测都需要它）。",
        "客戶名單沒有購買歷史（較早日期的比較和預測都需要它）。",
    ),
    "no_contact_match": (
        "No customer of the customer list matches a customer of the orders.",
        "客户名单中没有任何客户与订单中的客户相符。",
        "客戶名單中沒有任何客戶與訂單中的客戶相符。",
    ),
    "empty_file": ("The file is empty.", "文件是空的。", "檔案是空的。"),
    "is_folder": (
        "This is a folder, not a file.",
        "这是一个文件夹，不是文件。",
        "這是一個資料夾，不是檔案。",
    ),
    "binary_file": (
        "This does not look like a CSV, text or Excel table.",
        "这看起来不是 CSV、文本或 Excel 表格。",
        "這看起來不是 CSV、文字或 Excel 表格。",
    ),
    "weights_zero": (
        "At least one weight of the RFM score must be above 0 (and none below 0).",
        "RFM 总分的权重至少要有一个大于 0（且都不能小于 0）。",
        "RFM 總分的權重至少要有一個大於 0（且都不能小於 0）。",
    ),
    "mixed_currencies": (
        "The amounts are in several currencies and none was chosen.",
        "金额包含多种货币，且尚未选择使用哪一种。",
        "金額包含多種貨幣，且尚未選擇使用哪一種。",
    ),
    # writing and reading faults (rfm_engine.atomic, rfm_engine.io)
    "disk_full": (
        "The disk is full (or the file would be larger than allowed); free some space or choose "
        "another place.",
        "磁盘已满（或文件超过允许的大小）；请腾出空间或换一个保存位置。",
        "磁碟已滿（或檔案超過允許的大小）；請騰出空間或換一個儲存位置。",
    ),
    "read_only": (
        "The file, folder or disk is read-only; choose another place.",
        "文件、文件夹或磁盘是只读的；请换一个保存位置。",
        "檔案、資料夾或磁碟是唯讀的；請換一個儲存位置。",
    ),
    "permission_denied": (
        "No permission to write there (or another program locks the file); close it or choose "
        "another place.",
        "没有写入权限（或文件被其他程序锁定）；请关闭该文件或换一个保存位置。",
        "沒有寫入權限（或檔案被其他程式鎖定）；請關閉該檔案或換一個儲存位置。",
    ),
    "locked": (
        "The file is open in another program such as Excel; close it there and try again.",
        "文件正在被其他程序（如 Excel）打开；请先关闭后重试。",
        "檔案正被其他程式（如 Excel）開啟；請先關閉後重試。",
    ),
    "bad_name": (
        "The file name is too long for this disk; choose a shorter name.",
        "文件名对该磁盘来说太长；请换一个较短的名称。",
        "檔名對此磁碟來說太長；請換一個較短的名稱。",
    ),
    "not_a_file": (
        "That path is a device or a pipe, not a file; choose a file name.",
        "该路径是设备或管道，不是文件；请选择一个文件名。",
        "該路徑是裝置或管道，不是檔案；請選擇一個檔名。",
    ),
    "input_changed": (
        "The file changed while it was read (still downloading?); wait until it is complete and "
        "open it again.",
        "读取时文件发生了变化（还在下载？）；请等文件完整后重新打开。",
        "讀取時檔案發生了變化（仍在下載？）；請等檔案完整後重新開啟。",
    ),
    "damaged_file": (
        "The file is damaged or an unfinished download (it holds runs of empty bytes).",
        "文件已损坏或未下载完整（含有连续的空字节）。",
        "檔案已損壞或未下載完整（含有連續的空位元組）。",
    ),
    "amount_overflow": (
        "A customer's amounts add up beyond what a number can hold; check the amount column.",
        "某位客户的金额合计超出了数值范围；请检查金额列。",
        "某位客戶的金額合計超出了數值範圍；請檢查金額欄。",
    ),
    "implausible_date": (
        "That day is not a plausible day for sales; use a day from 1900 to 2100.",
        "该日期不是合理的销售日期；请使用 1900 年至 2100 年之间的日期。",
        "該日期不是合理的銷售日期；請使用 1900 年至 2100 年之間的日期。",
    ),
    "spark_missing": (
        "Reading from a Spark cluster needs PySpark, which this app does not include.",
        "从集群读取数据需要额外的组件，本应用未包含。",
        "從叢集讀取資料需要額外的元件，本應用程式未包含。",
    ),
    # the workspace history (rfm_engine.history)
    "no_workspace": (
        "The workspace file does not exist.",
        "工作区文件不存在。",
        "工作區檔案不存在。",
    ),
    "not_a_workspace": (
        "This file is not a workspace.",
        "该文件不是工作区。",
        "該檔案不是工作區。",
    ),
    "newer_workspace": (
        "The workspace was made by a newer version of the app; update the app to open it.",
        "该工作区由更新版本的程序创建；请更新程序后再打开。",
        "該工作區由較新版本的程式建立；請更新程式後再開啟。",
    ),
    "empty_workspace": (
        "The workspace holds no orders yet.",
        "工作区中还没有任何订单。",
        "工作區中還沒有任何訂單。",
    ),
    "workspace_layout": (
        "This export's columns differ from the workspace's.",
        "此导出文件的列与工作区的列不同。",
        "此匯出檔案的欄位與工作區的欄位不同。",
    ),
    "workspace_columns": (
        "A workspace keeps the column mapping it was created with.",
        "工作区沿用创建时的列对应关系。",
        "工作區沿用建立時的欄位對應關係。",
    ),
    # the app's own (desktop.project_file, desktop.scheme_editor)
    "score_range": (
        "A rule's score range is not valid: write it like 4-5, or one score like 5.",
        "规则的分数范围无效：请写成 4-5 这样的范围，或 5 这样的单个分数。",
        "規則的分數範圍無效：請寫成 4-5 這樣的範圍，或 5 這樣的單一分數。",
    ),
    "project_file": (
        "This is not a project file this app can open.",
        "这不是本程序能打开的项目文件。",
        "這不是本程式能開啟的專案檔。",
    ),
    "source_missing": (
        "A sales export of the project is missing (moved or deleted).",
        "项目中的一个销售导出文件不见了（已移动或删除）。",
        "專案中的一個銷售匯出檔案不見了（已移動或刪除）。",
    ),
    "thresholds_order": (
        "Score thresholds must be strictly ascending.",
        "评分阈值必须严格递增。",
        "評分門檻必須嚴格遞增。",
    ),
}

#: Warning codes (rfm_engine.notes.WARNINGS) → sentence: the engine's own words, which the
#: report and Excel show too.
WARNINGS = WARNING_SENTENCES

#: Option paths (``RfmError.option``, ``RfmWarning.option``) → the control in the app.
CONTROLS: dict[str, tuple[str, str, str]] = {
    "reading.dayfirst": (
        "Import › Dates: day first / month first",
        "导入 › 日期：日在前 / 月在前",
        "匯入 › 日期：日在前 / 月在前",
    ),
    "reading.encoding": ("Import › Encoding", "导入 › 编码", "匯入 › 編碼"),
    "reading.delimiter": ("Import › Separator", "导入 › 分隔符", "匯入 › 分隔符號"),
    "reading.header_row": ("Import › Header row", "导入 › 标题行", "匯入 › 標題列"),
    "reading.sheet": ("Import › Sheet", "导入 › 工作表", "匯入 › 工作表"),
    "reading.decimal": ("Import › Decimal separator", "导入 › 小数点符号", "匯入 › 小數點符號"),
    "cleaning.currency": ("Import › Currency", "导入 › 货币", "匯入 › 貨幣"),
    "reading.engine": ("Import › Engine", "导入 › 分析引擎", "匯入 › 分析引擎"),
    "columns.customer": ("Import › Customer id", "导入 › 客户编号", "匯入 › 客戶編號"),
    "columns.customer_fallback": (
        "Import › If the customer id is blank, use",
        "导入 › 客户编号为空时改用",
        "匯入 › 客戶編號為空時改用",
    ),
    "columns.date": ("Import › Purchase date", "导入 › 购买日期", "匯入 › 購買日期"),
    "columns.amount": ("Import › Amount", "导入 › 金额", "匯入 › 金額"),
    "columns.amount_is_order_total": (
        "Import › The amount is the order's total",
        "导入 › 金额是整笔订单的总额",
        "匯入 › 金額是整筆訂單的總額",
    ),
    "columns.quantity": ("Import › Quantity", "导入 › 数量", "匯入 › 數量"),
    "columns.order": ("Import › Order id", "导入 › 订单编号", "匯入 › 訂單編號"),
    "columns.status": ("Import › Order status", "导入 › 订单状态", "匯入 › 訂單狀態"),
    "columns.contacts": (
        "Import › Contact columns to keep",
        "导入 › 保留的联系方式列",
        "匯入 › 保留的聯絡方式欄",
    ),
    "columns.kind": ("Import › Kind of table", "导入 › 表格类型", "匯入 › 表格類型"),
    "columns.last_purchase": (
        "Import › Last purchase date",
        "导入 › 最近购买日期",
        "匯入 › 最近購買日期",
    ),
    "columns.days_since": (
        "Import › Days since last purchase",
        "导入 › 距上次购买天数",
        "匯入 › 距上次購買天數",
    ),
    "columns.order_count": ("Import › Order count", "导入 › 订单数", "匯入 › 訂單數"),
    "columns.total_spent": ("Import › Total spent", "导入 › 消费总额", "匯入 › 消費總額"),
    "cleaning.max_unparseable_share": (
        "Import › Check the data",
        "导入 › 检查数据",
        "匯入 › 檢查資料",
    ),
    "period.as_of": ("Import › Analysis date", "导入 › 分析日期", "匯入 › 分析日期"),
    "period.start": (
        "Import › Only purchases from",
        "导入 › 仅统计此日期之后的购买",
        "匯入 › 僅統計此日期之後的購買",
    ),
    "metrics.frequency": (
        "Scoring › Frequency counts",
        "评分 › 购买频次的计法",
        "評分 › 購買頻次的計法",
    ),
    "metrics.monetary": ("Scoring › Monetary is", "评分 › 消费金额的计法", "評分 › 消費金額的計法"),
    "segments": ("Scoring › Segments", "评分 › 分群", "評分 › 分群"),
    "segments.scheme": ("Scoring › Segments", "评分 › 分群", "評分 › 分群"),
    "scheme": ("Scoring › Segments", "评分 › 分群", "評分 › 分群"),
    "scoring.recency": ("Scoring › Recency (R)", "评分 › 最近购买 (R)", "評分 › 最近購買 (R)"),
    "scoring.frequency": ("Scoring › Frequency (F)", "评分 › 购买频次 (F)", "評分 › 購買頻次 (F)"),
    "scoring.monetary": ("Scoring › Monetary (M)", "评分 › 消费金额 (M)", "評分 › 消費金額 (M)"),
    "breaks": ("Scoring › thresholds", "评分 › 阈值", "評分 › 門檻"),
    "bins": ("Scoring › Score bins", "评分 › 分数档数", "評分 › 分數檔數"),
    "weights": (
        "Scoring › Weights of the RFM score",
        "评分 › RFM 总分的权重",
        "評分 › RFM 總分的權重",
    ),
    "as_of_then": (
        "Analysis › Compare with an earlier date",
        "分析 › 与较早日期比较",
        "分析 › 與較早日期比較",
    ),
    "output": ("Export › File", "导出 › 文件", "匯出 › 檔案"),
    "format": ("Export › Format", "导出 › 格式", "匯出 › 格式"),
}

#: Options the app sets for the user (or that only other faces have): no control to name.
NO_CONTROL = {
    "config",
    "header_lang",  # exported headers follow the app's language
    "mappings",
    "rfm_config_version",
    "source",
    "source.table",
    "columns",  # a workspace's mapping is fixed when it is created
    "freeze",
    "period",
    "prediction.holdout_days",
    "prediction.horizons_days",
    "prediction.lost_below",
    "prediction.min_repeat_buyers",
    "prediction.monthly_discount",
}

#: Codes whose option is context rather than a fix (no "change it" hint).
_NO_HINT = {"scheme", "output_file", "output_is_input", "unencodable_output"}

_LABELS: dict[str, tuple[str, str, str]] = {
    "change": ("Change it in", "可在此更改", "可在此更改"),
    "unknown": DETAIL_LABELS["unknown"],
}
_SEP = SEP
_index = lang_index


def control_name(option: str | None, lang: str) -> str | None:
    """The app's control that sets ``option`` (``scoring.recency.breaks`` finds
    ``scoring.recency``), or None when the app has none."""
    while option:
        if option in CONTROLS:
            return CONTROLS[option][_index(lang)]
        option = option.rpartition(".")[0]
    return None


def error_text(exc: BaseException, lang: str) -> str:
    """What went wrong, in ``lang``: one sentence, the file/column/rows/examples, and the
    control that changes it. Any exception works; an ``RfmError`` gets its own words."""
    i = _index(lang)
    code = getattr(exc, "code", None)
    option = getattr(exc, "option", None)
    details = getattr(exc, "details", None) or {}
    if lang == "en":
        lines = [str(exc) or _LABELS["unknown"][0]]
    else:
        sentence = ERRORS.get(code or "", ERRORS["error"] if code else None)
        lines = [sentence[i] if sentence else _LABELS["unknown"][i]]
        lines += detail_lines(details, lang)
    if code not in _NO_HINT:
        control = control_name(option, lang)
        if control:
            lines.append(_LABELS["change"][i] + _SEP.get(lang, ": ") + control)
    return "\n".join(lines)


def row_lines(exc: BaseException, lang: str) -> list[str]:
    """``row 3: 31/02/2024`` per failing row of a data error, in ``lang``."""
    rows = as_list(getattr(exc, "rows", ()))
    examples = as_list(getattr(exc, "examples", ()))
    form = {
        "en": "row {row}: {value}",
        "zh_CN": "第 {row} 行：{value}",
        "zh_TW": "第 {row} 列：{value}",
    }
    return [
        form.get(lang, form["en"]).format(row=r, value=e)
        for r, e in zip(rows, examples, strict=False)
    ]


def warning_text(warning: Any, lang: str, *, control: bool = True) -> str:
    """One warning (an ``RfmWarning``) in ``lang``, with the control that changes the choice:
    in Chinese the sentence of its code and its evidence (quantile ties in the engine's own
    words, which name the axis and the unused scores)."""
    i = _index(lang)
    lines = [str(warning)] if lang == "en" else [engine_warning_text(warning, lang)]
    where = control_name(warning.option, lang) if control else None
    if where:
        lines.append(_LABELS["change"][i] + _SEP.get(lang, ": ") + where)
    return "\n".join(lines)


def warnings_text(warnings: Sequence[Any], lang: str) -> str:
    return "\n\n".join(warning_text(w, lang) for w in warnings)


def rule_text(key: str, lang: str, fallback: str = "") -> str:
    """A cleaning rule (``duplicates``, ``blank_customer`` … or the ``rows_read`` /
    ``rows_used`` lines of the report) by its meaning in ``lang``: the engine's own words for
    its rules, the same the report and the exports use (``fallback``, the engine's English
    description, for a rule it has none for; ``not_applicable`` worded from it)."""
    from rfm_engine.outputs import rule_text as engine_rule_text

    return engine_rule_text(key, fallback or key, lang)


def example_text(row: Mapping[str, Any], row_number: Any, lang: str, cells: int = 5) -> str:
    """One example row of a cleaning rule: ``row 12: customer=a, date=…`` in ``lang`` (the
    cells are the user's data, shown as they are)."""
    shown = ", ".join(f"{k}={v}" for k, v in list(row.items())[:cells])
    form = {
        "en": "row {row}: {cells}",
        "zh_CN": "第 {row} 行：{cells}",
        "zh_TW": "第 {row} 列：{cells}",
    }
    return form.get(lang, form["en"]).format(row=row_number, cells=shown)
