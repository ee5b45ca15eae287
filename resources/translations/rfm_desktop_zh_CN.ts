<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AxisEditor</name>
    <message>
        <location filename="../../desktop/axis_editor.py" line="36"/>
        <source>Quantiles (equal-sized groups)</source>
        <translation>分位数（人数相等的分组）</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="37"/>
        <source>Fixed thresholds</source>
        <translation>固定阈值</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="46"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="48"/>
        <source>Thresholds:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="74"/>
        <source>{bins} scores need {n} thresholds, not {got}</source>
        <translation>{bins} 个分值需要 {n} 个阈值，而不是 {got} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="85"/>
        <source>Not a number: {text}</source>
        <translation>不是数字：{text}</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="93"/>
        <source>Open data to see how many customers get each score.</source>
        <translation>打开数据后可查看每个分值有多少客户。</translation>
    </message>
    <message>
        <location filename="../../desktop/axis_editor.py" line="101"/>
        <source>Customers per score {counts}  (cut points {points})</source>
        <translation>各分值客户数 {counts}（切分点 {points}）</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../desktop/charts.py" line="45"/>
        <source>Run Analysis → Compare to see how customers moved between segments.</source>
        <translation>运行“分析 → 对比”即可查看客户在分群之间的迁移。</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="50"/>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="51"/>
        <source>R × F</source>
        <translation>R × F</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="52"/>
        <source>Distributions</source>
        <translation>分布</translation>
    </message>
    <message>
        <location filename="../../desktop/charts.py" line="53"/>
        <source>Migration</source>
        <translation>迁移</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../desktop/import_check.py" line="36"/>
        <source>Check the data</source>
        <translation>检查数据</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="37"/>
        <source>What cleaning removes, and what is left to analyse.</source>
        <translation>清洗会去掉哪些行，以及剩下哪些数据用于分析。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="38"/>
        <source>Cleaning</source>
        <translation>数据清洗</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="39"/>
        <source>Drop exact duplicate rows</source>
        <translation>去掉完全重复的行</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="40"/>
        <source>Drop cancelled, closed or unpaid orders</source>
        <translation>去掉已取消、已关闭或未付款的订单</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="42"/>
        <source>Drop returns and zero amounts</source>
        <translation>去掉退货和零金额</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="43"/>
        <source>Net returns against monetary</source>
        <translation>退货从消费金额中扣除</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="47"/>
        <source>Returns:</source>
        <translation>退货：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="59"/>
        <source>Choose a column for rows without customer id…</source>
        <translation>为没有客户编号的行选择一列…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="109"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="126"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="127"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="128"/>
        <source>Missing column</source>
        <translation>缺少的列</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="144"/>
        <source>{used} of {read} rows are purchases: {customers} customers, {orders} orders, revenue {revenue}, from {first} to {last}.</source>
        <translation>{read} 行中有 {used} 行是购买记录：{customers} 位客户，{orders} 笔订单，销售额 {revenue}，时间从 {first} 到 {last}。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="159"/>
        <source>What cleaning did</source>
        <translation>清理做了什么</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="159"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../desktop/import_check.py" line="159"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../desktop/import_columns.py" line="33"/>
        <source>Match the columns</source>
        <extracomment>A sample value longer than this is cut in the picker (whole in its tooltip).</extracomment>
        <translation>匹配列</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="36"/>
        <source>The guess from the headers is filled in. Give an amount, or quantity and unit price.</source>
        <translation>已根据表头自动填写。请指定金额列，或数量和单价列。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="41"/>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="42"/>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="43"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="44"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="45"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="46"/>
        <source>Order id</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="47"/>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="60"/>
        <source>If the customer id is blank, use:</source>
        <translation>客户编号为空时改用：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="62"/>
        <source>The amount is the order&apos;s total, repeated on each item row</source>
        <translation>金额是整笔订单的总额，在每个商品行上重复出现</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="69"/>
        <source>Contact columns to keep:</source>
        <translation>保留的联系方式列：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="88"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/import_columns.py" line="165"/>
        <source>Still to choose: {roles}</source>
        <translation>还需选择：{roles}</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <location filename="../../desktop/customer_detail.py" line="32"/>
        <source>Customer {id}</source>
        <translation>客户 {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="47"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="48"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="49"/>
        <source>Recommended action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="51"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="55"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="56"/>
        <source>First purchase</source>
        <translation>首次购买</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="57"/>
        <source>Recency (days)</source>
        <translation>最近购买距今（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="58"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="59"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="60"/>
        <source>Monetary</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="64"/>
        <source>Purchases: reading…</source>
        <translation>购买记录：读取中…</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="67"/>
        <source>File, row</source>
        <translation>文件，行</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="81"/>
        <source>Purchases: {n}</source>
        <translation>购买记录：{n} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/customer_detail.py" line="102"/>
        <source>Purchases could not be read: {error}</source>
        <translation>无法读取购买记录：{error}</translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message>
        <location filename="../../desktop/segment_views.py" line="191"/>
        <source>Search customer id or contact…</source>
        <translation>搜索客户编号或联系方式…</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="194"/>
        <source>Copy selection</source>
        <translation>复制所选</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="195"/>
        <source>Export shown…</source>
        <translation>导出所显示的…</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="198"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="203"/>
        <source>Segment:</source>
        <translation>分群：</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="226"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="227"/>
        <source>Recency (days)</source>
        <translation>最近购买（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="228"/>
        <source>Frequency</source>
        <translation>购买频次</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="229"/>
        <source>Monetary</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="233"/>
        <source>RFM code</source>
        <translation>RFM 代码</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="234"/>
        <source>RFM score</source>
        <translation>RFM 总分</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="235"/>
        <source>Segment key</source>
        <translation>分群代码</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="236"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="238"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="250"/>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="315"/>
        <source>No customer matches this search and segment.</source>
        <translation>没有客户符合此搜索和分群。</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="318"/>
        <source>{shown} of {total} customers shown</source>
        <translation>显示 {shown} 位客户（共 {total} 位）</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/error_dialog.py" line="24"/>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <location filename="../../desktop/error_dialog.py" line="31"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop/error_dialog.py" line="33"/>
        <source>Something went wrong that the app did not expect. Your data and earlier results are unchanged. Please report it with the details below.</source>
        <translation>发生了程序未预料到的问题。您的数据和之前的结果没有改变。请附上下面的详细信息报告此问题。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="57"/>
        <source>Export segments</source>
        <translation>导出分群</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="66"/>
        <source>CSV table (opens in Excel)</source>
        <translation>CSV 表格（可用 Excel 打开）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="67"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="68"/>
        <source>Mailchimp audience (CSV with email and segment tag)</source>
        <translation>Mailchimp 受众（含邮箱和分群标签的 CSV）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="69"/>
        <source>Report workbook (segments, customers, cut points, cleaning)</source>
        <translation>报告工作簿（分群、客户、切分点、清洗）</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="85"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
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
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="102"/>
        <location filename="../../desktop/export_dialog.py" line="126"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="106"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="136"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="165"/>
        <source>Choose at least one segment.</source>
        <translation>请至少选择一个分群。</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="171"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="174"/>
        <source>{name} already exists. Click Replace to overwrite it.</source>
        <translation>{name} 已存在。点击“替换”覆盖它。</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="183"/>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="194"/>
        <source>Wrote {customers} customers to {path}</source>
        <translation>已将 {customers} 位客户写入 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/export_dialog.py" line="198"/>
        <source>Also written: {files}</source>
        <translation>同时写入：{files}</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../desktop/import_wizard.py" line="42"/>
        <source>Choose the sales export(s)</source>
        <translation>选择销售导出文件</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="44"/>
        <source>CSV, TXT or Excel files. Several files of the same layout are combined.</source>
        <translation>CSV、TXT 或 Excel 文件。格式相同的多个文件会合并。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="48"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="49"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="64"/>
        <source>Add sales exports</source>
        <translation>添加销售导出文件</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="66"/>
        <source>Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>销售导出文件 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/import_wizard.py" line="263"/>
        <source>Import sales data</source>
        <translation>导入销售数据</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="56"/>
        <source>RFM Segments</source>
        <translation>RFM 客户分群</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="81"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="82"/>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="83"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="84"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="86"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="112"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="113"/>
        <source>Open &amp;sample data</source>
        <translation>打开示例数据(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="114"/>
        <source>&amp;Scoring…</source>
        <translation>评分设置(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="115"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="117"/>
        <source>Export &amp;report (HTML or PDF)…</source>
        <translation>导出报告（HTML 或 PDF）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="120"/>
        <source>&amp;Compare with 90 days earlier</source>
        <translation>与 90 天前对比(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="123"/>
        <source>&amp;Find customer…</source>
        <translation>查找客户(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="126"/>
        <source>Open &amp;project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129"/>
        <source>Sa&amp;ve project…</source>
        <translation>保存项目(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="131"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="136"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="156"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="218"/>
        <source>No data yet: open a sales export, drop one here, or open the sample.</source>
        <translation>尚无数据：打开销售导出文件、拖放文件到此处，或打开示例数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="229"/>
        <source>{files} · {customers} customers · {rows} rows used · as of {as_of} · {bins} bins · scheme: {scheme}</source>
        <translation>{files} · {customers} 位客户 · 使用 {rows} 行 · 分析日期 {as_of} · {bins} 档评分 · 方案：{scheme}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="313"/>
        <source>Open sales export</source>
        <translation>打开销售导出文件</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315"/>
        <source>Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>销售导出文件 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="317"/>
        <source>Workspaces (*.rfmdb)</source>
        <translation>工作区 (*.rfmdb)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="364"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="364"/>
        <location filename="../../desktop/main_window.py" line="403"/>
        <source>RFM projects (*.rfm)</source>
        <translation>RFM 项目 (*.rfm)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="388"/>
        <source>Files changed</source>
        <translation>文件已更改</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="390"/>
        <source>These files changed since the project was saved; the analysis uses them as they are now: {files}</source>
        <translation>保存项目之后，这些文件已被更改；分析将使用它们现在的内容：{files}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="403"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="509"/>
        <source>Export shown customers</source>
        <translation>导出所显示的客户</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="511"/>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="521"/>
        <source>Wrote {n} customers to {path}</source>
        <translation>已将 {n} 位客户写入 {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="565"/>
        <source>no file behind this result</source>
        <translation>此结果没有对应的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="575"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="577"/>
        <source>Web page, works offline (*.html);;PDF (*.pdf)</source>
        <translation>网页，可离线打开 (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="605"/>
        <source>Report written to {path}</source>
        <translation>报告已写入 {path}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/overview_page.py" line="83"/>
        <source>Currency: guess from the columns</source>
        <translation>货币：根据列名推断</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="84"/>
        <source>No currency sign</source>
        <translation>不显示货币符号</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="92"/>
        <source>Tile size: customers</source>
        <translation>面积：客户数</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="93"/>
        <source>Tile size: revenue</source>
        <translation>面积：销售额</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="105"/>
        <source>Do this now</source>
        <translation>立即行动</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="107"/>
        <source>Please check</source>
        <translation>请注意</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="109"/>
        <source>Segments and actions</source>
        <translation>分群与建议行动</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="175"/>
        <source>guessed: {code}</source>
        <translation>推断为：{code}</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="177"/>
        <source>no currency found</source>
        <translation>未找到货币</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="223"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="225"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/overview_page.py" line="244"/>
        <source>Use fixed thresholds {breaks}…</source>
        <translation>改用固定阈值 {breaks}…</translation>
    </message>
</context>
<context>
    <name>PeriodPage</name>
    <message>
        <location filename="../../desktop/import_period.py" line="19"/>
        <source>Analysis date and period</source>
        <translation>分析日期和时间段</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="22"/>
        <source>Recency is counted back from the analysis date. Purchases after it, and before the start when one is set, are left out.</source>
        <translation>最近购买天数从分析日期往回计算。分析日期之后的购买，以及设置了开始日期时其之前的购买，都不计入。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="29"/>
        <source>Only purchases from</source>
        <translation>只计入此日期起的购买</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="41"/>
        <source>Analysis date:</source>
        <translation>分析日期：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_period.py" line="54"/>
        <source>Purchases run from {first} to {last}; the default analysis date is {as_of}.</source>
        <translation>购买记录从 {first} 到 {last}；默认分析日期为 {as_of}。</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <location filename="../../desktop/import_wizard.py" line="94"/>
        <source>Check how the file is read</source>
        <translation>检查文件读取方式</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="96"/>
        <source>If the text looks garbled, pick another encoding; for Excel, pick the sheet.</source>
        <translation>如果文字显示为乱码，请换一种编码；Excel 文件请选择工作表。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="129"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="130"/>
        <location filename="../../desktop/import_wizard.py" line="131"/>
        <source>Unicode (UTF-8)</source>
        <translation>通用编码（UTF-8）</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="132"/>
        <location filename="../../desktop/import_wizard.py" line="133"/>
        <location filename="../../desktop/import_wizard.py" line="134"/>
        <source>Unicode (UTF-16)</source>
        <translation>通用编码（UTF-16）</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="113"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="114"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="135"/>
        <source>Chinese Simplified (GBK/GB18030)</source>
        <translation>简体中文 (GBK/GB18030)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="136"/>
        <source>Chinese Traditional (Big5)</source>
        <translation>繁体中文 (Big5)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="137"/>
        <source>Western (Windows-1252)</source>
        <translation>西欧 (Windows-1252)</translation>
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
        <translation>韩文 (EUC-KR)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="142"/>
        <source>Cyrillic (Windows-1251)</source>
        <translation>西里尔文 (Windows-1251)</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="150"/>
        <source>chosen by you</source>
        <translation>由您选择</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="151"/>
        <source>the file starts with a Unicode marker</source>
        <translation>文件开头有 Unicode 标记</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="153"/>
        <source>the file holds only plain letters and digits, read the same in every encoding</source>
        <translation>文件只含普通字母和数字，任何编码读出来都一样</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="155"/>
        <source>all of its text is valid UTF-8</source>
        <translation>全部文字都是有效的 UTF-8</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="156"/>
        <source>its bytes follow the pattern of UTF-16</source>
        <translation>其字节符合 UTF-16 的规律</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="157"/>
        <source>it reads as common Chinese characters</source>
        <translation>解码后是常见汉字</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="158"/>
        <source>chosen from how often letters occur; check the preview</source>
        <translation>根据字符出现的频率推断；请检查预览</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="159"/>
        <source>no other encoding fitted; check the preview</source>
        <translation>没有其他更合适的编码；请检查预览</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="162"/>
        <source>certain</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="163"/>
        <source>likely</source>
        <translation>很可能</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="164"/>
        <source>a guess</source>
        <translation>推测</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="169"/>
        <source>Excel workbook: no text encoding to choose.</source>
        <translation>Excel 工作簿：无需选择文字编码。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="172"/>
        <source>Encoding: {name}. How sure: {sure} ({why}).</source>
        <translation>文字编码：{name}。把握：{sure}（{why}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="210"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../desktop/import_wizard.py" line="226"/>
        <source>{rows} rows, {columns} columns; the first {shown} are shown.</source>
        <translation>共 {rows} 行、{columns} 列；显示前 {shown} 行。</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="70"/>
        <source>Custom rules</source>
        <translation>自定义规则</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="71"/>
        <source>Edit as custom</source>
        <translation>改为自定义</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="72"/>
        <source>Load rules…</source>
        <translation>加载规则…</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="73"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="74"/>
        <source>Remove rule</source>
        <translation>删除规则</translation>
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
        <translation>与平均值比较</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="81"/>
        <source>vs. median</source>
        <translation>与中位数比较</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="83"/>
        <source>of the scores</source>
        <translation>按评分</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="84"/>
        <source>of the values</source>
        <translation>按原始值</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="161"/>
        <source>R F M high (1) / low (0)</source>
        <translation>R F M 高 (1) / 低 (0)</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="163"/>
        <source>Days since last purchase</source>
        <translation>距上次购买天数</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="164"/>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="164"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="164"/>
        <source>Action</source>
        <translation>建议行动</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="220"/>
        <source>{uncovered} of {total} score combinations match no rule (those customers get &apos;other&apos;).</source>
        <translation>{total} 种评分组合中有 {uncovered} 种没有匹配的规则（这些客户归入“其他”）。</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="226"/>
        <source>{pairs} pairs of rules overlap; the earlier rule wins.</source>
        <translation>有 {pairs} 对规则重叠；排在前面的规则优先。</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="232"/>
        <source>Never matches (earlier rules cover it): {keys}</source>
        <translation>永远不会匹配（已被前面的规则覆盖）：{keys}</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="237"/>
        <source>Every score combination has a segment.</source>
        <translation>每种评分组合都有对应的分群。</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="252"/>
        <source>Load segment rules</source>
        <translation>加载分群规则</translation>
    </message>
    <message>
        <location filename="../../desktop/scheme_editor.py" line="252"/>
        <source>Segment rules (*.json)</source>
        <translation>分群规则 (*.json)</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="40"/>
        <source>Scoring and segments</source>
        <translation>评分与分群</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="47"/>
        <source>Number of orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="48"/>
        <source>Number of purchase days</source>
        <translation>购买天数</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="50"/>
        <source>Total spent</source>
        <translation>消费总额</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="51"/>
        <source>Average per order</source>
        <translation>平均每单金额</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="59"/>
        <source>Recency (R)</source>
        <translation>最近购买 (R)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="59"/>
        <source>day limits, e.g. 30, 60, 90, 120</source>
        <translation>天数上限，例如 30, 60, 90, 120</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="63"/>
        <source>Frequency (F)</source>
        <translation>购买频次 (F)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="64"/>
        <source>lowest of scores 2…, e.g. 2, 3, 5, 8</source>
        <translation>2 分及以上各档的下限，例如 2, 3, 5, 8</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="69"/>
        <source>Monetary (M)</source>
        <translation>消费金额 (M)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="70"/>
        <source>lowest of scores 2…, e.g. 100, 250, 500, 1000</source>
        <translation>2 分及以上各档的下限，例如 100, 250, 500, 1000</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="88"/>
        <location filename="../../desktop/scoring_dialog.py" line="108"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="90"/>
        <source>Score bins (5 = best):</source>
        <translation>评分档数（5 = 最好）：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="95"/>
        <source>Weights of the RFM score:</source>
        <translation>RFM 总分权重：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="96"/>
        <source>Frequency counts:</source>
        <translation>频次计算：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="97"/>
        <source>Monetary is:</source>
        <translation>消费金额为：</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="109"/>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="114"/>
        <source>Save settings…</source>
        <translation>保存设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="115"/>
        <source>Load settings…</source>
        <translation>加载设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="195"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="195"/>
        <location filename="../../desktop/scoring_dialog.py" line="208"/>
        <source>Settings (*.json)</source>
        <translation>设置 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/scoring_dialog.py" line="208"/>
        <source>Load settings</source>
        <translation>加载设置</translation>
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
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="134"/>
        <source>% customers</source>
        <translation>客户占比</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="135"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="136"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="137"/>
        <source>% revenue</source>
        <translation>销售额占比</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="138"/>
        <source>Avg recency (days)</source>
        <translation>平均最近购买（天）</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="139"/>
        <source>Avg frequency</source>
        <translation>平均频次</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="140"/>
        <source>Avg monetary</source>
        <translation>平均消费金额</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="141"/>
        <source>Avg order value</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <location filename="../../desktop/segment_views.py" line="132"/>
        <source>Recommended action</source>
        <translation>建议行动</translation>
    </message>
</context>
<context>
    <name>TieFixDialog</name>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="38"/>
        <source>Use every score</source>
        <translation>用上每个分值</translation>
    </message>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="42"/>
        <source>Many customers share the same {axis} value, so quantile cut points leave scores {unused} unused. Fixed thresholds {breaks} (from the {distinct} distinct values) give these customers per score:</source>
        <translation>许多客户的 {axis} 值相同，分位数阈值使分值 {unused} 无人使用。固定阈值 {breaks}（取自 {distinct} 个不同的值）得到的各分值客户数如下：</translation>
    </message>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="60"/>
        <source>Now (quantile)</source>
        <translation>现在（分位数）</translation>
    </message>
    <message>
        <location filename="../../desktop/tie_fix_dialog.py" line="60"/>
        <source>Fixed thresholds</source>
        <translation>固定阈值</translation>
    </message>
</context>
<context>
    <name>TrendsPanel</name>
    <message>
        <location filename="../../desktop/trends_page.py" line="52"/>
        <source>Open a workspace (.rfmdb) to see how the segments change month by month.</source>
        <translation>打开一个工作区（.rfmdb），查看各分群逐月的变化。</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_page.py" line="59"/>
        <source>Month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_page.py" line="60"/>
        <source>Customers per segment at each month end</source>
        <translation>每个月末各分群的客户数</translation>
    </message>
    <message>
        <location filename="../../desktop/trends_page.py" line="90"/>
        <source>From {before} to {after}: {changed} customers changed segment, {new} new customers.</source>
        <translation>从 {before} 到 {after}：{changed} 位客户换了分群，新增 {new} 位客户。</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="22"/>
        <source>Save as &amp;workspace…</source>
        <translation>另存为工作区(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="24"/>
        <source>&amp;Add exports to workspace…</source>
        <translation>向工作区添加导出文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="40"/>
        <source>Save as workspace</source>
        <translation>另存为工作区</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="40"/>
        <source>Workspaces (*.rfmdb)</source>
        <translation>工作区 (*.rfmdb)</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="48"/>
        <source>Add exports to workspace</source>
        <translation>向工作区添加导出文件</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="50"/>
        <source>Sales exports (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;All files (*)</source>
        <translation>销售导出文件 (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace_actions.py" line="71"/>
        <source>{added} rows added, {merged} already in the workspace</source>
        <translation>新增 {added} 行，{merged} 行已在工作区中</translation>
    </message>
</context>
</TS>
