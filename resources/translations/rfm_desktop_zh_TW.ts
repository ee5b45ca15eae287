<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AxisEditor</name>
    <message>
        <location filename="../../desktop/axis_editor.py" line="36"/>
        <source>Quantiles (equal-sized groups)</source>
        <translation>分位數（人數相等的分組）</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="37"/>
        <source>Fixed thresholds</source>
        <translation>固定門檻</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="46"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="48"/>
        <source>Thresholds:</source>
        <translation>門檻：</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="74"/>
        <source>{bins} scores need {n} thresholds, not {got}</source>
        <translation>{bins} 個分數需要 {n} 個門檻，而不是 {got} 個</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="85"/>
        <source>Not a number: {text}</source>
        <translation>不是數字：{text}</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="93"/>
        <source>Open data to see how many customers get each score.</source>
        <translation>開啟資料後可查看每個分數有多少客戶。</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="101"/>
        <source>Customers per score {counts}  (cut points {points})</source>
        <translation>各分數客戶數 {counts}（切分點 {points}）</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../desktop/charts.py" line="45"/>
        <source>Run Analysis → Compare to see how customers moved between segments.</source>
        <translation>執行「分析 → 比較」即可查看客戶在分群之間的遷移。</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="50"/>
        <source>Segments</source>
        <translation>客戶分群</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="51"/>
        <source>R × F</source>
        <translation>R × F</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="52"/>
        <source>Distributions</source>
        <translation>分佈</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="53"/>
        <source>Migration</source>
        <translation>遷移</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../desktop/import_check.py" line="36"/>
        <source>Check the data</source>
        <translation>檢查資料</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="37"/>
        <source>What cleaning removes, and what is left to analyse.</source>
        <translation>清理會移除哪些列，以及剩下哪些資料用於分析。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="38"/>
        <source>Cleaning</source>
        <translation>資料清理</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="39"/>
        <source>Drop exact duplicate rows</source>
        <translation>移除完全重複的列</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="40"/>
        <source>Drop cancelled, closed or unpaid orders</source>
        <translation>移除已取消、已關閉或未付款的訂單</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="42"/>
        <source>Drop returns and zero amounts</source>
        <translation>移除退貨和零金額</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="43"/>
        <source>Net returns against monetary</source>
        <translation>退貨從消費金額中扣除</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="47"/>
        <source>Returns:</source>
        <translation>退貨：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="59"/>
        <source>Choose a column for rows without customer id…</source>
        <translation>為沒有客戶編號的列選擇一欄…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="109"/>
        <source>Checking…</source>
        <translation>正在檢查…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="126"/>
        <source>Row</source>
        <translation>列號</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="127"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="128"/>
        <source>Missing column</source>
        <translation>缺少的欄位</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="144"/>
        <source>{used} of {read} rows are purchases: {customers} customers, {orders} orders, revenue {revenue}, from {first} to {last}.</source>
        <translation>{read} 列中有 {used} 列是購買紀錄：{customers} 位客戶，{orders} 筆訂單，營業額 {revenue}，時間從 {first} 到 {last}。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="159"/>
        <source>What cleaning did</source>
        <translation>清理做了什麼</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="159"/>
        <source>Rows</source>
        <translation>列數</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="159"/>
        <source>Examples</source>
        <translation>範例</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../desktop/import_columns.py" line="33"/>
        <source>Match the columns</source>
        <extracomment>A sample value longer than this is cut in the picker (whole in its tooltip).</extracomment>
        <translation>對應欄位</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="36"/>
        <source>The guess from the headers is filled in. Give an amount, or quantity and unit price.</source>
        <translation>已根據標題自動填入。請指定金額欄，或數量和單價欄。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="41"/>
        <source>Customer id</source>
        <translation>客戶編號</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="42"/>
        <source>Purchase date</source>
        <translation>購買日期</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="43"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="44"/>
        <source>Quantity</source>
        <translation>數量</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="45"/>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="46"/>
        <source>Order id</source>
        <translation>訂單編號</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="47"/>
        <source>Order status</source>
        <translation>訂單狀態</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="60"/>
        <source>If the customer id is blank, use:</source>
        <translation>客戶編號為空時改用：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="62"/>
        <source>The amount is the order&apos;s total, repeated on each item row</source>
        <translation>金額是整筆訂單的總額，在每個商品列上重複出現</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="69"/>
        <source>Contact columns to keep:</source>
        <translation>保留的聯絡方式欄位：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="88"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="165"/>
        <source>Still to choose: {roles}</source>
        <translation>仍需選擇：{roles}</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <location filename="../../desktop/customer_detail.py" line="32"/>
        <source>Customer {id}</source>
        <translation>客戶 {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="47"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="48"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="49"/>
        <source>Recommended action</source>
        <translation>建議行動</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="51"/>
        <source>Scores</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="55"/>
        <source>Last purchase</source>
        <translation>最近購買</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="56"/>
        <source>First purchase</source>
        <translation>首次購買</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="57"/>
        <source>Recency (days)</source>
        <translation>最近購買距今（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="58"/>
        <source>Orders</source>
        <translation>訂單數</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="59"/>
        <source>Revenue</source>
        <translation>銷售額</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="60"/>
        <source>Monetary</source>
        <translation>消費金額</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="64"/>
        <source>Purchases: reading…</source>
        <translation>購買紀錄：讀取中…</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>Order</source>
        <translation>訂單</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>File, row</source>
        <translation>檔案，列</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="81"/>
        <source>Purchases: {n}</source>
        <translation>購買紀錄：{n} 筆</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="102"/>
        <source>Purchases could not be read: {error}</source>
        <translation>無法讀取購買紀錄：{error}</translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message>
        <location filename="../../desktop/segment_views.py" line="191"/>
        <source>Search customer id or contact…</source>
        <translation>搜尋客戶編號或聯絡方式…</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="194"/>
        <source>Copy selection</source>
        <translation>複製所選</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="195"/>
        <source>Export shown…</source>
        <translation>匯出所顯示的…</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="198"/>
        <source>Show all</source>
        <translation>顯示全部</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="203"/>
        <source>Segment:</source>
        <translation>分群：</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="226"/>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="227"/>
        <source>Recency (days)</source>
        <translation>最近購買（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="228"/>
        <source>Frequency</source>
        <translation>購買頻次</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="229"/>
        <source>Monetary</source>
        <translation>消費金額</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="233"/>
        <source>RFM code</source>
        <translation>RFM 代碼</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="234"/>
        <source>RFM score</source>
        <translation>RFM 總分</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="235"/>
        <source>Segment key</source>
        <translation>分群代碼</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="236"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="238"/>
        <source>Last purchase</source>
        <translation>最近購買</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="250"/>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="315"/>
        <source>No customer matches this search and segment.</source>
        <translation>沒有客戶符合此搜尋和分群。</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="318"/>
        <source>{shown} of {total} customers shown</source>
        <translation>顯示 {shown} 位客戶（共 {total} 位）</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/error_dialog.py" line="24"/>
        <source>Cannot continue</source>
        <translation>無法繼續</translation>
    </message>
    <message>
        <location filename="../../desktop/error_dialog.py" line="31"/>
        <source>Unexpected error</source>
        <translation>意外錯誤</translation>
    </message>
    <message>
        <location filename="../../desktop/error_dialog.py" line="33"/>
        <source>Something went wrong that the app did not expect. Your data and earlier results are unchanged. Please report it with the details below.</source>
        <translation>發生了程式未預料到的問題。您的資料和先前的結果沒有改變。請附上下方的詳細資訊回報此問題。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="57"/>
        <source>Export segments</source>
        <translation>匯出分群</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="66"/>
        <source>CSV table (opens in Excel)</source>
        <translation>CSV 表格（可用 Excel 開啟）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="67"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 活頁簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="68"/>
        <source>Mailchimp audience (CSV with email and segment tag)</source>
        <translation>Mailchimp 受眾（含電子郵件和分群標籤的 CSV）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="69"/>
        <source>Report workbook (segments, customers, cut points, cleaning)</source>
        <translation>報告活頁簿（分群、客戶、切分點、清理）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="85"/>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="97"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="98"/>
        <source>Segments:</source>
        <translation>分群：</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="99"/>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="102"/>
        <location filename="../../desktop/export_dialog.py" line="126"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="106"/>
        <source>Open folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="136"/>
        <source>Export to</source>
        <translation>匯出至</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="165"/>
        <source>Choose at least one segment.</source>
        <translation>請至少選擇一個分群。</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="171"/>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="174"/>
        <source>{name} already exists. Click Replace to overwrite it.</source>
        <translation>{name} 已存在。按「取代」覆寫它。</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="183"/>
        <source>Writing…</source>
        <translation>正在寫入…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="194"/>
        <source>Wrote {customers} customers to {path}</source>
        <translation>已將 {customers} 位客戶寫入 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="198"/>
        <source>Also written: {files}</source>
        <translation>同時寫入：{files}</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../desktop/import_wizard.py" line="42"/>
        <source>Choose the sales export(s)</source>
        <translation>選擇銷售匯出檔案</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="44"/>
        <source>CSV, TXT or Excel files. Several files of the same layout are combined.</source>
        <translation>CSV、TXT 或 Excel 檔案。格式相同的多個檔案會合併。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="48"/>
        <source>Add files…</source>
        <translation>新增檔案…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="49"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="64"/>
        <source>Add sales exports</source>
        <translation>新增銷售匯出檔案</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="66"/>
        <source>Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>銷售匯出檔案 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/import_wizard.py" line="263"/>
        <source>Import sales data</source>
        <translation>匯入銷售資料</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="56"/>
        <source>RFM Segments</source>
        <translation>RFM 客戶分群</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="81"/>
        <source>Overview</source>
        <translation>概覽</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="82"/>
        <source>Segments</source>
        <translation>客戶分群</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="83"/>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="84"/>
        <source>Charts</source>
        <translation>圖表</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="86"/>
        <source>Trends</source>
        <translation>趨勢</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="112"/>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="113"/>
        <source>Open &amp;sample data</source>
        <translation>開啟範例資料(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="114"/>
        <source>&amp;Scoring…</source>
        <translation>評分設定(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="115"/>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="117"/>
        <source>Export &amp;report (HTML or PDF)…</source>
        <translation>匯出報告（HTML 或 PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120"/>
        <source>&amp;Compare with 90 days earlier</source>
        <translation>與 90 天前比較(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123"/>
        <source>&amp;Find customer…</source>
        <translation>尋找客戶(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="126"/>
        <source>Open &amp;project…</source>
        <translation>開啟專案(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129"/>
        <source>Sa&amp;ve project…</source>
        <translation>儲存專案(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="131"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="136"/>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="156"/>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="218"/>
        <source>No data yet: open a sales export, drop one here, or open the sample.</source>
        <translation>尚無資料：開啟銷售匯出檔案、拖放檔案到此處，或開啟範例資料。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="229"/>
        <source>{files} · {customers} customers · {rows} rows used · as of {as_of} · {bins} bins · scheme: {scheme}</source>
        <translation>{files} · {customers} 位客戶 · 使用 {rows} 列 · 分析日期 {as_of} · {bins} 級評分 · 方案：{scheme}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="313"/>
        <source>Open sales export</source>
        <translation>開啟銷售匯出檔案</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315"/>
        <source>Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>銷售匯出檔案 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="317"/>
        <source>Workspaces (*.rfmdb)</source>
        <translation>工作區 (*.rfmdb)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="364"/>
        <source>Open project</source>
        <translation>開啟專案</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="364"/>
        <location filename="../../desktop/main_window.py" line="403"/>
        <source>RFM projects (*.rfm)</source>
        <translation>RFM 專案 (*.rfm)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="388"/>
        <source>Files changed</source>
        <translation>檔案已變更</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="390"/>
        <source>These files changed since the project was saved; the analysis uses them as they are now: {files}</source>
        <translation>儲存專案之後，這些檔案已被變更；分析將使用它們現在的內容：{files}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="403"/>
        <source>Save project</source>
        <translation>儲存專案</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="509"/>
        <source>Export shown customers</source>
        <translation>匯出所顯示的客戶</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="511"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="521"/>
        <source>Wrote {n} customers to {path}</source>
        <translation>已將 {n} 位客戶寫入 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="565"/>
        <source>no file behind this result</source>
        <translation>此結果沒有對應的檔案</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="575"/>
        <source>Export report</source>
        <translation>匯出報告</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="577"/>
        <source>Web page, works offline (*.html);;PDF (*.pdf)</source>
        <translation>網頁，可離線開啟 (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="605"/>
        <source>Report written to {path}</source>
        <translation>報告已寫入 {path}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/overview_page.py" line="83"/>
        <source>Currency: guess from the columns</source>
        <translation>貨幣：依欄名推斷</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="84"/>
        <source>No currency sign</source>
        <translation>不顯示貨幣符號</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="92"/>
        <source>Tile size: customers</source>
        <translation>面積：客戶數</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="93"/>
        <source>Tile size: revenue</source>
        <translation>面積：銷售額</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="105"/>
        <source>Do this now</source>
        <translation>立即行動</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="107"/>
        <source>Please check</source>
        <translation>請注意</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="109"/>
        <source>Segments and actions</source>
        <translation>分群與建議行動</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="175"/>
        <source>guessed: {code}</source>
        <translation>推斷為：{code}</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="177"/>
        <source>no currency found</source>
        <translation>未找到貨幣</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="223"/>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="225"/>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="244"/>
        <source>Use fixed thresholds {breaks}…</source>
        <translation>改用固定閾值 {breaks}…</translation>
    </message>
</context>
<context>
    <name>PeriodPage</name>
    <message>
        <location filename="../../desktop/import_period.py" line="19"/>
        <source>Analysis date and period</source>
        <translation>分析日期和期間</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="22"/>
        <source>Recency is counted back from the analysis date. Purchases after it, and before the start when one is set, are left out.</source>
        <translation>最近購買天數從分析日期往回計算。分析日期之後的購買，以及設定了開始日期時其之前的購買，都不計入。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="29"/>
        <source>Only purchases from</source>
        <translation>只計入此日期起的購買</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="41"/>
        <source>Analysis date:</source>
        <translation>分析日期：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="54"/>
        <source>Purchases run from {first} to {last}; the default analysis date is {as_of}.</source>
        <translation>購買紀錄從 {first} 到 {last}；預設分析日期為 {as_of}。</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <location filename="../../desktop/import_wizard.py" line="94"/>
        <source>Check how the file is read</source>
        <translation>檢查檔案讀取方式</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="96"/>
        <source>If the text looks garbled, pick another encoding; for Excel, pick the sheet.</source>
        <translation>如果文字顯示為亂碼，請換一種編碼；Excel 檔案請選擇工作表。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="129"/>
        <source>Detect automatically</source>
        <translation>自動偵測</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="130"/>
        <location filename="../../desktop/import_wizard.py" line="131"/>
        <source>Unicode (UTF-8)</source>
        <translation>通用編碼（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="132"/>
        <location filename="../../desktop/import_wizard.py" line="133"/>
        <location filename="../../desktop/import_wizard.py" line="134"/>
        <source>Unicode (UTF-16)</source>
        <translation>通用編碼（UTF-16）</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="113"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="114"/>
        <source>Encoding:</source>
        <translation>編碼：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="135"/>
        <source>Chinese Simplified (GBK/GB18030)</source>
        <translation>簡體中文 (GBK/GB18030)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="136"/>
        <source>Chinese Traditional (Big5)</source>
        <translation>繁體中文 (Big5)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="137"/>
        <source>Western (Windows-1252)</source>
        <translation>西歐 (Windows-1252)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="138"/>
        <location filename="../../desktop/import_wizard.py" line="139"/>
        <source>Japanese (Shift_JIS)</source>
        <translation>日文 (Shift_JIS)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="140"/>
        <location filename="../../desktop/import_wizard.py" line="141"/>
        <source>Korean (EUC-KR)</source>
        <translation>韓文 (EUC-KR)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="142"/>
        <source>Cyrillic (Windows-1251)</source>
        <translation>西里爾文 (Windows-1251)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="150"/>
        <source>chosen by you</source>
        <translation>由您選擇</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="151"/>
        <source>the file starts with a Unicode marker</source>
        <translation>檔案開頭有 Unicode 標記</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="153"/>
        <source>the file holds only plain letters and digits, read the same in every encoding</source>
        <translation>檔案只含一般字母和數字，任何編碼讀出來都一樣</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="155"/>
        <source>all of its text is valid UTF-8</source>
        <translation>全部文字都是有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="156"/>
        <source>its bytes follow the pattern of UTF-16</source>
        <translation>其位元組符合 UTF-16 的規律</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="157"/>
        <source>it reads as common Chinese characters</source>
        <translation>解碼後是常見漢字</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="158"/>
        <source>chosen from how often letters occur; check the preview</source>
        <translation>根據字元出現的頻率推斷；請檢查預覽</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="159"/>
        <source>no other encoding fitted; check the preview</source>
        <translation>沒有其他更合適的編碼；請檢查預覽</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="162"/>
        <source>certain</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="163"/>
        <source>likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="164"/>
        <source>a guess</source>
        <translation>推測</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="169"/>
        <source>Excel workbook: no text encoding to choose.</source>
        <translation>Excel 活頁簿：無需選擇文字編碼。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="172"/>
        <source>Encoding: {name}. How sure: {sure} ({why}).</source>
        <translation>文字編碼：{name}。把握：{sure}（{why}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="210"/>
        <source>Reading…</source>
        <translation>正在讀取…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="226"/>
        <source>{rows} rows, {columns} columns; the first {shown} are shown.</source>
        <translation>共 {rows} 列、{columns} 欄；顯示前 {shown} 列。</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="70"/>
        <source>Custom rules</source>
        <translation>自訂規則</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="71"/>
        <source>Edit as custom</source>
        <translation>改為自訂</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="72"/>
        <source>Load rules…</source>
        <translation>載入規則…</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="73"/>
        <source>Add rule</source>
        <translation>新增規則</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="74"/>
        <source>Remove rule</source>
        <translation>刪除規則</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="75"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="76"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="80"/>
        <source>vs. mean</source>
        <extracomment>The error of the rules as typed (None when they are valid): OK stays disabled.</extracomment>
        <translation>與平均值比較</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="81"/>
        <source>vs. median</source>
        <translation>與中位數比較</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="83"/>
        <source>of the scores</source>
        <translation>依評分</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="84"/>
        <source>of the values</source>
        <translation>依原始值</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="161"/>
        <source>R F M high (1) / low (0)</source>
        <translation>R F M 高 (1) / 低 (0)</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="163"/>
        <source>Days since last purchase</source>
        <translation>距上次購買天數</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="164"/>
        <source>Key</source>
        <translation>代碼</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="164"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="164"/>
        <source>Action</source>
        <translation>建議行動</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="220"/>
        <source>{uncovered} of {total} score combinations match no rule (those customers get &apos;other&apos;).</source>
        <translation>{total} 種評分組合中有 {uncovered} 種沒有相符的規則（這些客戶歸入「其他」）。</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="226"/>
        <source>{pairs} pairs of rules overlap; the earlier rule wins.</source>
        <translation>有 {pairs} 對規則重疊；排在前面的規則優先。</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="232"/>
        <source>Never matches (earlier rules cover it): {keys}</source>
        <translation>永遠不會相符（已被前面的規則涵蓋）：{keys}</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="237"/>
        <source>Every score combination has a segment.</source>
        <translation>每種評分組合都有對應的分群。</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="252"/>
        <source>Load segment rules</source>
        <translation>載入分群規則</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="252"/>
        <source>Segment rules (*.json)</source>
        <translation>分群規則 (*.json)</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="40"/>
        <source>Scoring and segments</source>
        <translation>評分與分群</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="47"/>
        <source>Number of orders</source>
        <translation>訂單數</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="48"/>
        <source>Number of purchase days</source>
        <translation>購買天數</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="50"/>
        <source>Total spent</source>
        <translation>消費總額</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="51"/>
        <source>Average per order</source>
        <translation>平均每筆金額</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="59"/>
        <source>Recency (R)</source>
        <translation>最近購買 (R)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="59"/>
        <source>day limits, e.g. 30, 60, 90, 120</source>
        <translation>天數上限，例如 30, 60, 90, 120</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="63"/>
        <source>Frequency (F)</source>
        <translation>購買頻次 (F)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="64"/>
        <source>lowest of scores 2…, e.g. 2, 3, 5, 8</source>
        <translation>2 分以上各級的下限，例如 2, 3, 5, 8</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="69"/>
        <source>Monetary (M)</source>
        <translation>消費金額 (M)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="70"/>
        <source>lowest of scores 2…, e.g. 100, 250, 500, 1000</source>
        <translation>2 分以上各級的下限，例如 100, 250, 500, 1000</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="88"/>
        <location filename="../../desktop/scoring_dialog.py" line="108"/>
        <source>Scores</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="90"/>
        <source>Score bins (5 = best):</source>
        <translation>評分級數（5 = 最好）：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="95"/>
        <source>Weights of the RFM score:</source>
        <translation>RFM 總分權重：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="96"/>
        <source>Frequency counts:</source>
        <translation>頻次計算：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="97"/>
        <source>Monetary is:</source>
        <translation>消費金額為：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="109"/>
        <source>Segments</source>
        <translation>客戶分群</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="114"/>
        <source>Save settings…</source>
        <translation>儲存設定…</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="115"/>
        <source>Load settings…</source>
        <translation>載入設定…</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="195"/>
        <source>Save settings</source>
        <translation>儲存設定</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="195"/>
        <location filename="../../desktop/scoring_dialog.py" line="208"/>
        <source>Settings (*.json)</source>
        <translation>設定 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="208"/>
        <source>Load settings</source>
        <translation>載入設定</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../desktop/segment_views.py" line="131"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="133"/>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="134"/>
        <source>% customers</source>
        <translation>客戶占比</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="135"/>
        <source>Orders</source>
        <translation>訂單數</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="136"/>
        <source>Revenue</source>
        <translation>營業額</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="137"/>
        <source>% revenue</source>
        <translation>營業額占比</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="138"/>
        <source>Avg recency (days)</source>
        <translation>平均最近購買（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="139"/>
        <source>Avg frequency</source>
        <translation>平均頻次</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="140"/>
        <source>Avg monetary</source>
        <translation>平均消費金額</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="141"/>
        <source>Avg order value</source>
        <translation>平均客單價</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="132"/>
        <source>Recommended action</source>
        <translation>建議行動</translation>
    </message>
</context>
<context>
    <name>TieFixDialog</name>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="38"/>
        <source>Use every score</source>
        <translation>用上每個分值</translation>
    </message>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="42"/>
        <source>Many customers share the same {axis} value, so quantile cut points leave scores {unused} unused. Fixed thresholds {breaks} (from the {distinct} distinct values) give these customers per score:</source>
        <translation>許多客戶的 {axis} 值相同，分位數閾值使分值 {unused} 無人使用。固定閾值 {breaks}（取自 {distinct} 個不同的值）得到的各分值客戶數如下：</translation>
    </message>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="60"/>
        <source>Now (quantile)</source>
        <translation>現在（分位數）</translation>
    </message>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="60"/>
        <source>Fixed thresholds</source>
        <translation>固定閾值</translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <location filename="../../desktop/trends_page.py" line="52"/>
        <source>Open a workspace (.rfmdb) to see how the segments change month by month.</source>
        <translation>開啟一個工作區（.rfmdb），查看各分群逐月的變化。</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_page.py" line="59"/>
        <source>Month end</source>
        <translation>月底</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_page.py" line="60"/>
        <source>Customers per segment at each month end</source>
        <translation>每個月底各分群的客戶數</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_page.py" line="90"/>
        <source>From {before} to {after}: {changed} customers changed segment, {new} new customers.</source>
        <translation>從 {before} 到 {after}：{changed} 位客戶換了分群，新增 {new} 位客戶。</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="22"/>
        <source>Save as &amp;workspace…</source>
        <translation>另存為工作區(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="24"/>
        <source>&amp;Add exports to workspace…</source>
        <translation>向工作區加入匯出檔(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="40"/>
        <source>Save as workspace</source>
        <translation>另存為工作區</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="40"/>
        <source>Workspaces (*.rfmdb)</source>
        <translation>工作區 (*.rfmdb)</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="48"/>
        <source>Add exports to workspace</source>
        <translation>向工作區加入匯出檔</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="50"/>
        <source>Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>銷售匯出檔案 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="71"/>
        <source>{added} rows added, {merged} already in the workspace</source>
        <translation>新增 {added} 列，{merged} 列已在工作區中</translation>
    </message>
</context>
</TS>
