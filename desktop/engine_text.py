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

from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

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

#: Warning codes (rfm_engine.notes.WARNINGS) → sentence.
WARNINGS: dict[str, tuple[str, str, str]] = {
    "customer_list": (
        "The table was read as a customer list (one row per customer): frequency and monetary "
        "come from its count and total columns.",
        "该表按客户名单读取（每位客户一行）：购买频次和消费金额取自其次数列和总额列。",
        "該表按客戶名單讀取（每位客戶一列）：購買頻次和消費金額取自其次數欄和總額欄。",
    ),
    "count_column_ignored": (
        "A column looks like an order count per customer, but customer ids repeat: the table was "
        "read as one row per purchase and that column is not used.",
        "有一列看起来像每位客户的订单数，但客户编号有重复：该表按每次购买一行读取，未使用该列。",
        "有一欄看起來像每位客戶的訂單數，但客戶編號有重複：該表按每次購買一列讀取，未使用該欄。",
    ),
    "last_activity_as_purchase": (
        "A last-activity date stands in for the last purchase date: a visit without an order "
        "can make it later than the last order.",
        "以“最近活动日期”代替最近购买日期：没有下单的访问也可能使它晚于最近一笔订单。",
        "以「最近活動日期」代替最近購買日期：沒有下單的造訪也可能使它晚於最近一筆訂單。",
    ),
    "quantile_ties": (
        "Many equal values leave some scores unused; fixed thresholds are suggested.",
        "大量相同的数值使部分分数没有客户；建议改用固定阈值。",
        "大量相同的數值使部分分數沒有客戶；建議改用固定門檻。",
    ),
    "contacts_from_list": (
        "Contacts were taken from the customer list given with the orders, matched by customer id.",
        "联系方式取自与订单一起提供的客户名单，按客户编号匹配。",
        "聯絡方式取自與訂單一起提供的客戶名單，按客戶編號比對。",
    ),
    "model_not_fitted": (
        "Too few repeat buyers to fit the purchase model: no predictions.",
        "回头客太少，无法拟合购买模型：没有预测。",
        "回頭客太少，無法擬合購買模型：沒有預測。",
    ),
    "few_repeat_buyers": (
        "Fewer repeat buyers than recommended: predictions are rough.",
        "回头客少于建议数量：预测较为粗略。",
        "回頭客少於建議數量：預測較為粗略。",
    ),
    "history_shorter_than_horizon": (
        "A prediction horizon is longer than the purchase history.",
        "预测期比购买历史还长。",
        "預測期比購買歷史還長。",
    ),
    "one_time_buyers_spend_from_prior": (
        "One-time buyers' expected spend is the average of all customers.",
        "只购买过一次的客户，其预期消费按全体客户的平均值计算。",
        "只購買過一次的客戶，其預期消費按全體客戶的平均值計算。",
    ),
    "one_time_buyers_always_active": (
        "The purchase model never counts one-time buyers as lost.",
        "购买模型从不把只购买过一次的客户算作流失。",
        "購買模型從不把只購買過一次的客戶算作流失。",
    ),
    "spend_depends_on_frequency": (
        "Spend and purchase frequency are related; the spend model assumes they are not.",
        "消费金额与购买频次相关，而消费模型假设二者无关。",
        "消費金額與購買頻次相關，而消費模型假設二者無關。",
    ),
    "spend_model_unusable": (
        "The spend model cannot be used with this data (its mean spend is unbounded).",
        "消费模型不适用于这些数据（平均消费没有上限）。",
        "消費模型不適用於這些資料（平均消費沒有上限）。",
    ),
    "extreme_parameters": (
        "A fitted parameter went to an extreme; the data barely determine it.",
        "有一个拟合参数趋于极端；数据几乎无法确定它。",
        "有一個擬合參數趨於極端；資料幾乎無法確定它。",
    ),
    "fit_not_converged": (
        "The model fit stopped before it found the best values.",
        "模型拟合在找到最佳值之前就停止了。",
        "模型擬合在找到最佳值之前就停止了。",
    ),
    "chunked_key_links": (
        "Large-file mode: customers without an id were linked by another identifier within "
        "each chunk of the file only.",
        "大文件模式：没有客户编号的行只在文件的每个分块内按其他标识关联。",
        "大檔案模式：沒有客戶編號的列只在檔案的每個分塊內按其他識別關聯。",
    ),
    "currency_column": (
        "The amounts are in several currencies; a converted amount column was used.",
        "金额包含多种货币；已改用换算后的金额列。",
        "金額包含多種貨幣；已改用換算後的金額欄。",
    ),
    "date_column_choice": (
        "Several columns could be the purchase date; one was chosen.",
        "有多列都可能是购买日期；已选择其中一列。",
        "有多欄都可能是購買日期；已選擇其中一欄。",
    ),
    "decimal_separator": (
        "The decimal separator of the amounts was decided from the column's values.",
        "金额的小数点符号是根据该列的数值判断的。",
        "金額的小數點符號是根據該欄的數值判斷的。",
    ),
    "degenerate_key": (
        "The customer column holds (nearly) one value; another column identifies customers.",
        "客户列（几乎）只有一个值；已改用另一列识别客户。",
        "客戶欄（幾乎）只有一個值；已改用另一欄識別客戶。",
    ),
    "key_fallback": (
        "Rows without a customer id were matched to customers by another identifier.",
        "没有客户编号的行按其他标识对应到客户。",
        "沒有客戶編號的列按其他識別對應到客戶。",
    ),
    "many_blank_customers": (
        "A large share of rows has no customer id: those purchases count for no customer. If "
        "another column identifies those buyers (a phone or an e-mail), choose it where the "
        "customer id is blank.",
        "有很大比例的行没有客户编号：这些购买不计入任何客户。如果另有一列（如电话或邮箱）能识别"
        "这些买家，请在客户编号为空时改用该列。",
        "有很大比例的列沒有客戶編號：這些購買不計入任何客戶。如果另有一欄（如電話或電子郵件）能"
        "識別這些買家，請在客戶編號為空時改用該欄。",
    ),
    "missing_markers": (
        "Cells such as NA, N/A or null were read as blank.",
        "“不适用”“空值”一类的标记单元格按空白处理。",
        "「不適用」「空值」一類的標記儲存格按空白處理。",
    ),
    "placeholder_keys": (
        "Customer values such as 0 or guest were read as blank.",
        "客户值为 0 或“访客”一类的占位值时按空白处理。",
        "客戶值為 0 或「訪客」一類的佔位值時按空白處理。",
    ),
    "orders_replaced": (
        "An export holds orders already in the workspace with other rows; the export added last "
        "replaces them.",
        "有导出文件包含工作区中已有、但内容不同的订单；以最后加入的导出文件为准。",
        "有匯出檔案包含工作區中已有、但內容不同的訂單；以最後加入的匯出檔案為準。",
    ),
    "last_period_open": (
        "The last period ends after the latest purchase; its recency counts the days to its end.",
        "最后一期结束于最近一次购买之后；其最近购买天数计算到该期结束。",
        "最後一期結束於最近一次購買之後；其最近購買天數計算到該期結束。",
    ),
    "frozen_ties": (
        "The frozen cut points had ties; the tied thresholds were set a hair apart.",
        "固定的分界点有相同值；这些阈值被错开了极小的距离。",
        "固定的分界點有相同值；這些門檻被錯開了極小的距離。",
    ),
    "dropout_near_zero": (
        "The model sees almost no customer leave; every customer looks active.",
        "模型几乎看不到客户流失；每位客户看起来都仍活跃。",
        "模型幾乎看不到客戶流失；每位客戶看起來都仍活躍。",
    ),
}

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
    "file": ("File", "文件", "檔案"),
    "column": ("Column", "列", "欄"),
    "rows": ("Rows", "行", "列"),
    "examples": ("Examples", "例如", "例如"),
    "missing": ("Missing", "缺少", "缺少"),
    "change": ("Change it in", "可在此更改", "可在此更改"),
    # evidence of warnings
    "keyed_by": ("Rows per identifier", "各标识对应的行数", "各識別對應的列數"),
    "linked": ("Matched to a known customer", "对应到已有客户的行", "對應到已有客戶的列"),
    "others": ("Other candidates", "其他候选列", "其他候選欄"),
    "blank_rows": ("Blank rows", "空白行数", "空白列數"),
    "separator": ("Decimal separator", "小数点符号", "小數點符號"),
    "used": ("Column used", "使用的列", "使用的欄"),
    "amount_column": ("Amount column", "金额列", "金額欄"),
    "currency_column": ("Currency column", "货币列", "貨幣欄"),
    "currency": ("Currency", "货币", "貨幣"),
    "shares": ("Shares", "占比", "佔比"),
    "unknown": (
        "The analysis stopped.",
        "分析已停止。",
        "分析已停止。",
    ),
}
_SEP = {"en": ": ", "zh_CN": "：", "zh_TW": "："}
_LIST = {"en": ", ", "zh_CN": "、", "zh_TW": "、"}


def _index(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 0


def control_name(option: str | None, lang: str) -> str | None:
    """The app's control that sets ``option`` (``scoring.recency.breaks`` finds
    ``scoring.recency``), or None when the app has none."""
    while option:
        if option in CONTROLS:
            return CONTROLS[option][_index(lang)]
        option = option.rpartition(".")[0]
    return None


def _short(values: Iterable[Any], n: int = 3) -> list[str]:
    return [str(v) for v in list(values)[:n]]


def _details(details: Mapping[str, Any], lang: str) -> list[str]:
    i, sep, joiner = _index(lang), _SEP[lang if lang in LANGS else "en"], _LIST.get(lang, ", ")
    lines = []
    path = details.get("path")
    if path:
        lines.append(_LABELS["file"][i] + sep + PurePath(str(path)).name)
    columns = [details.get(key) for key in ("column", "key_column", "count_column")]
    columns = [str(c) for c in columns if c]
    if columns:
        lines.append(_LABELS["column"][i] + sep + joiner.join(columns))
    missing = _as_list(details.get("missing_columns"))
    if missing:
        lines.append(_LABELS["missing"][i] + sep + joiner.join(_short(missing, 6)))
    rows = details.get("rows")
    if isinstance(rows, int) and not isinstance(rows, bool):
        lines.append(_LABELS["rows"][i] + sep + f"{rows:,}")
    elif _as_list(rows):
        rows = _as_list(rows)
        more = "…" if len(rows) > 5 else ""
        lines.append(_LABELS["rows"][i] + sep + joiner.join(_short(rows, 5)) + more)
    examples = _as_list(details.get("examples"))
    if examples:
        lines.append(_LABELS["examples"][i] + sep + joiner.join(_short(examples)))
    return lines


def _as_list(value: Any) -> list[Any]:
    if value is None or isinstance(value, (str, bytes, int, float)):
        return [] if value in (None, "", b"") else [value]
    try:
        return list(value)
    except TypeError:
        return [value]


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
        lines += _details(details, lang)
    if code not in _NO_HINT:
        control = control_name(option, lang)
        if control:
            lines.append(_LABELS["change"][i] + _SEP.get(lang, ": ") + control)
    return "\n".join(lines)


def row_lines(exc: BaseException, lang: str) -> list[str]:
    """``row 3: 31/02/2024`` per failing row of a data error, in ``lang``."""
    rows = _as_list(getattr(exc, "rows", ()))
    examples = _as_list(getattr(exc, "examples", ()))
    form = {
        "en": "row {row}: {value}",
        "zh_CN": "第 {row} 行：{value}",
        "zh_TW": "第 {row} 列：{value}",
    }
    return [
        form.get(lang, form["en"]).format(row=r, value=e)
        for r, e in zip(rows, examples, strict=False)
    ]


#: Evidence keys worded after the sentence of a warning, in this order (``path``, ``column``,
#: ``rows`` and ``examples`` come first, as for errors).
_EVIDENCE = (
    "used",
    "others",
    "blank_rows",
    "keyed_by",
    "linked",
    "separator",
    "amount_column",
    "currency_column",
    "currency",
    "shares",
)
_EXAMPLES = ("examples", "comma_examples", "dot_examples", "ambiguous_examples")


def _value_text(value: Any, lang: str) -> str:
    """A piece of evidence as text: counts grouped, shares as percentages, mappings as
    ``name value`` pairs, sequences joined."""
    joiner = _LIST.get(lang, ", ")
    if isinstance(value, Mapping):
        return joiner.join(f"{k} {_value_text(v, lang)}" for k, v in list(value.items())[:6])
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.1%}" if 0 < value < 1 else f"{value:,g}"
    if isinstance(value, (list, tuple, set)):
        return joiner.join(_short(value, 5))
    return str(value)


def _evidence_lines(evidence: Mapping[str, Any], lang: str) -> list[str]:
    """The facts behind a warning in ``lang``: the columns, counts and example values."""
    i, sep = _index(lang), _SEP.get(lang, ": ")
    lines = _details({k: v for k, v in evidence.items() if k not in ("rows", "examples")}, lang)
    rows = evidence.get("rows")
    if rows:
        lines.append(_LABELS["rows"][i] + sep + _value_text(rows, lang))
    for key in _EVIDENCE:
        value = evidence.get(key)
        if value in (None, "", (), [], {}, 0):
            continue
        lines.append(_LABELS[key][i] + sep + _value_text(value, lang))
    examples = [evidence.get(k) for k in _EXAMPLES if evidence.get(k)]
    if examples:
        lines.append(
            _LABELS["examples"][i]
            + sep
            + _LIST.get(lang, ", ").join(_value_text(e, lang) for e in examples)
        )
    return lines


def warning_text(warning: Any, lang: str, *, control: bool = True) -> str:
    """One warning (an ``RfmWarning``) in ``lang``, with the control that changes the choice:
    in Chinese the sentence of its code and its evidence (quantile ties in the engine's own
    words, which name the axis and the unused scores)."""
    i = _index(lang)
    evidence = dict(warning.evidence or {})
    if lang == "en":
        lines = [str(warning)]
    elif warning.code == "quantile_ties" and "axis" in evidence:
        from rfm_engine.outputs import warning_text as engine_words

        lines = [engine_words(warning, lang)]
    else:
        sentence = WARNINGS.get(warning.code)
        lines = [sentence[i] if sentence else _LABELS["unknown"][i]]
        lines += _evidence_lines(evidence, lang)
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
