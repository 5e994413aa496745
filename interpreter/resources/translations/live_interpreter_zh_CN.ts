<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiKeyDialog</name>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="56"/>
        <source>API keys belong to the region they were created in: a Singapore key is refused in Beijing and the other way round. Image translation (qwen-mt-image) and uploading local files as temporary files work only in the Beijing region, with a Beijing key.</source>
        <extracomment>The region sentence in English (the source text); the dialog shows its translation.</extracomment>
        <translation>API 密钥只能在创建它的地域使用：新加坡地域的密钥在北京地域会被拒绝，反之亦然。图片翻译（qwen-mt-image）和将本地文件上传为临时文件仅支持北京地域，且需使用北京地域的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="70"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="75"/>
        <source>Live Interpreter uses your Alibaba Cloud Model Studio (DashScope) API key. Create one in the Model Studio console of the region you want to use.</source>
        <translation>同声传译使用您的阿里云百炼（DashScope）API 密钥。请在您要使用的地域的百炼控制台中创建密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="101"/>
        <source>sk-… (leave empty to keep the saved key)</source>
        <translation>sk-…（留空则保留已保存的密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="104"/>
        <location filename="../../ui/dialogs/api_key.py" line="181"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="124"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="127"/>
        <source>Open a short live session with this key and close it again (nothing is billed).</source>
        <translation>用此密钥开启一个简短的同传会话，随即关闭（不产生费用）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="139"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="143"/>
        <source>Remove saved key</source>
        <translation>删除已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="148"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="154"/>
        <source>Region:</source>
        <translation>地域：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="156"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="181"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="191"/>
        <source>No keyring: set {env} instead.</source>
        <translation>没有可用的密钥环：请改为设置 {env}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="192"/>
        <source>sk-… (can be tested, but not saved without a keyring)</source>
        <translation>sk-…（可以测试，但没有密钥环时无法保存）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="210"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="217"/>
        <source>&lt;b&gt;{headline}.&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;{headline}。&lt;/b&gt;{message}</translation>
    </message>
</context>
<context>
    <name>ApiKeyViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="145"/>
        <source>This system has no keyring (password manager) that Live Interpreter can use, so your key cannot be saved. Set the {env} environment variable before starting the app instead; the key is never written to a file.</source>
        <extracomment>The regions a user can pick, in the order the dialog shows them (values are ``Region`` values). Keys shorter than this get no hint at all: showing 4 characters of a short key would give away too much.</extracomment>
        <translation>此系统没有同声传译可以使用的密钥环（密码管理器），因此无法保存您的密钥。请改为在启动应用前设置环境变量 {env}；密钥绝不会写入文件。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="162"/>
        <source>A key for {region} is saved in the system keyring ({hint}).</source>
        <translation>{region}的密钥已保存在系统密钥环中（{hint}）。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="167"/>
        <source>No key is saved for {region}.</source>
        <translation>尚未保存{region}的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="169"/>
        <source>{env} is set; live sessions use that key first.</source>
        <translation>已设置 {env}；同传会话将优先使用该密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="240"/>
        <source>Saved: live sessions use {region} with this key.</source>
        <translation>已保存：同传会话将通过{region}使用此密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="242"/>
        <source>Saved: live sessions use {region}.</source>
        <translation>已保存：同传会话将使用{region}。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/api_key.py" line="261"/>
        <source>The key for {region} was removed from the keyring.</source>
        <translation>已从密钥环中删除{region}的密钥。</translation>
    </message>
</context>
<context>
    <name>CaptionDelegate</name>
    <message>
        <location filename="../../ui/text_layout.py" line="293"/>
        <source>Connection lost: {start}–{end} was not translated</source>
        <extracomment>Font sizes the user can pick (points). Below 9 pt captions become hard to read; above 40 pt a row no longer fits a laptop-sized Live tab (the presentation window is the place for larger text). Horizontal room for the &quot;M:SS&quot; time stamp column (in units of the font&apos;s average character width). Padding around a row&apos;s content and between its two paragraphs, px. The source line is drawn this much smaller than the translation (the audience reads the translation). Laid-out rows kept for painting. A viewport shows a few dozen rows even on a tall screen at the smallest font; 512 covers that many times over (scrolling back and forth re-uses layouts) while bounding memory to a few MB. Width used before the list has been shown once (a typical Live tab width; real rows are re-measured on show). Opacity of the source line next to the translation: context, not the message; less contrast, still readable. Opacity of tentative (stash) text: clearly provisional next to confirmed text, never invisible. Opacity of the time stamps: present for reference without competing with the words. Opacity of the hairline between rows: just enough to group each source with its own translation. Gap rows use amber: it reads as &quot;attention&quot; on both light and dark backgrounds.</extracomment>
        <translation>连接中断：{start}–{end} 未被翻译</translation>
    </message>
</context>
<context>
    <name>CaptionView</name>
    <message>
        <location filename="../../ui/caption_view.py" line="537"/>
        <source>Captions</source>
        <extracomment>&quot;At the bottom&quot; tolerance in pixels: a row&apos;s height change can leave the bar a few pixels off the maximum. Pixels per arrow-key / wheel step: about one line of caption text at the default font. Background re-measuring after a width/font change works in slices of this many seconds, then yields to the event loop: 4 ms keeps the loop&apos;s lag far below one 16 ms frame. Pause between slices (ms). Back-to-back slices (a 0 ms timer) starve the loop: a woken asyncio task needs a few loop passes (timer, call_soon, task step), each behind another slice, and was measured ~10 ms late at p50. With a 6 ms pause the lag stays around one slice; settling runs at ~40 % duty (about 1.5 s per 10 000 rows). Rows measured exactly when many arrive in one insert (the newest ones, which are on screen when following); the rest start as estimates and are settled in the background like after a resize. Margin of the &quot;Jump to live&quot; button from the bottom-right corner, px (clear of the scroll bar). An anchor: a row and the pixel offset of the viewport&apos;s top edge into it.</extracomment>
        <translation>字幕</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="539"/>
        <source>Jump to live ↓</source>
        <translation>跳到最新 ↓</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="541"/>
        <source>Auto-scroll is paused while you read back; click to follow again</source>
        <translation>回看时已暂停自动滚动；点击以继续跟随</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="613"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="614"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="615"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="616"/>
        <source>Jump to live</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="617"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="618"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="619"/>
        <source>Clear captions</source>
        <translation>清除字幕</translation>
    </message>
</context>
<context>
    <name>ComingTab</name>
    <message>
        <location filename="../../ui/widgets.py" line="129"/>
        <source>Coming in a later version. Files you drop here are listed below and kept for then.</source>
        <translation>将在后续版本中提供。拖放到这里的文件会列在下方并保留到那时。</translation>
    </message>
</context>
<context>
    <name>GlossaryTableModel</name>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="54"/>
        <source>Source term</source>
        <extracomment>Table columns: source term, translation, and the flag explaining what is wrong with a row (English source text; the header shows their translations).</extracomment>
        <translation>原文词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="55"/>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="56"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history.py" line="59"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="61"/>
        <source> (interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="62"/>
        <source>{when}  {languages}  {duration}  {count} segments{state}</source>
        <translation>{when}  {languages}  {duration}  {count} 段{state}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="69"/>
        <source>The last session ({when}, {count} segments) was interrupted. Everything up to then was saved; export it now?</source>
        <translation>上次会话（{when}，{count} 段）意外中断。中断前的内容均已保存；现在导出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="80"/>
        <source>Export session to folder</source>
        <translation>将会话导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="90"/>
        <source>Exported {names} to {folder}</source>
        <translation>已将 {names} 导出到 {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="103"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history.py" line="111"/>
        <source>Session history</source>
        <translation>会话历史</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="119"/>
        <source>No sessions yet. Every live session is saved here automatically.</source>
        <translation>还没有会话。每次同传会话都会自动保存在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="122"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>HotwordsDialog</name>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="59"/>
        <source>Hotwords and glossaries</source>
        <translation>热词与术语表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="68"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="70"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="78"/>
        <source>Glossaries</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="91"/>
        <source>Search terms and translations</source>
        <translation>搜索词条和译文</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="94"/>
        <source>From:</source>
        <translation>源语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="96"/>
        <source>To:</source>
        <translation>目标语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="122"/>
        <source>Add term</source>
        <translation>添加词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="124"/>
        <source>Delete terms</source>
        <translation>删除词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="127"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="129"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="132"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="135"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="171"/>
        <source>Use in live sessions</source>
        <translation>用于同传会话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="174"/>
        <source>Send this glossary as hot words in live sessions.</source>
        <translation>在同传会话中将此术语表作为热词发送。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="175"/>
        <source>Use none</source>
        <translation>不使用术语表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="179"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="225"/>
        <source>Any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="232"/>
        <source>Glossary files (*.csv *.tsv *.txt);;CSV (*.csv);;TSV (*.tsv *.txt);;All files (*)</source>
        <translation>术语表文件 (*.csv *.tsv *.txt);;CSV (*.csv);;TSV (*.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="252"/>
        <source>Used in live sessions</source>
        <translation>用于同传会话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="266"/>
        <source>In live sessions: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>同传会话使用：&lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="267"/>
        <source>Stop using “{name}” in live sessions.</source>
        <translation>同传会话不再使用“{name}”。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="269"/>
        <source>In live sessions: none</source>
        <translation>同传会话使用：无</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="294"/>
        <source>{count} term</source>
        <translation>共 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="294"/>
        <source>{count} terms</source>
        <translation>共 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="296"/>
        <source>{terms}, 1 flagged (it is not sent until fixed).</source>
        <translation>{terms}，其中 1 个有问题（修正前不会发送）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="298"/>
        <source>{terms}, {count} flagged (they are not sent until fixed).</source>
        <translation>{terms}，其中 {count} 个有问题（修正前不会发送）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="302"/>
        <source>{terms}.</source>
        <comment>a glossary&apos;s term count as a sentence</comment>
        <translation>{terms}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="352"/>
        <source>Import glossary</source>
        <translation>导入术语表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords.py" line="359"/>
        <source>Export glossary</source>
        <translation>导出术语表</translation>
    </message>
</context>
<context>
    <name>HotwordsViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="240"/>
        <source>Create a glossary first.</source>
        <extracomment>Undo steps kept. Each step is a few pointers (states share their glossaries), so the cap only bounds a day-long editing session; 500 steps is far more than anyone undoes.</extracomment>
        <translation>请先创建术语表。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="264"/>
        <source>New glossary</source>
        <translation>新术语表</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="266"/>
        <source>create glossary “{name}”</source>
        <translation>创建术语表“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="277"/>
        <source>A glossary needs a name.</source>
        <translation>术语表需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="279"/>
        <source>There is already a glossary called “{name}”; choose another name.</source>
        <translation>已有名为“{name}”的术语表；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="283"/>
        <source>rename to “{name}”</source>
        <translation>重命名为“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="302"/>
        <source>delete “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="311"/>
        <source>change languages</source>
        <translation>更改语言</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="332"/>
        <source>add term</source>
        <translation>添加词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="348"/>
        <source>edit term</source>
        <translation>编辑词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="358"/>
        <source>delete {count} term</source>
        <translation>删除 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="358"/>
        <source>delete {count} terms</source>
        <translation>删除 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="374"/>
        <source>Cannot read {file}; check that the file exists and is readable.</source>
        <translation>无法读取 {file}；请检查文件是否存在且可读。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="392"/>
        <source>import {count} terms from {file}</source>
        <translation>从 {file} 导入 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="406"/>
        <source>Imported {count} term</source>
        <translation>已导入 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="406"/>
        <source>Imported {count} terms</source>
        <translation>已导入 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="413"/>
        <source>skipped {count} malformed row</source>
        <translation>跳过 {count} 个格式错误的行</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="415"/>
        <source>skipped {count} malformed rows</source>
        <translation>跳过 {count} 个格式错误的行</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="420"/>
        <source>{count} row needs a look</source>
        <translation>{count} 行需要检查</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="420"/>
        <source>{count} rows need a look</source>
        <translation>{count} 行需要检查</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="424"/>
        <source>{parts}.</source>
        <comment>end of the import summary sentence</comment>
        <translation>{parts}。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="425"/>
        <source>, </source>
        <comment>separator of the import summary parts</comment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="438"/>
        <source>There is no glossary to export.</source>
        <translation>没有可导出的术语表。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="452"/>
        <source>Exported {count} term to {file}.</source>
        <translation>已将 {count} 个词条导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/hotwords.py" line="452"/>
        <source>Exported {count} terms to {file}.</source>
        <translation>已将 {count} 个词条导出到 {file}。</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../ui/widgets.py" line="88"/>
        <source>Input level</source>
        <translation>输入音量</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="100"/>
        <source>Input level: {level:.0f} dBFS</source>
        <translation>输入音量：{level:.0f} dBFS</translation>
    </message>
</context>
<context>
    <name>LiveSessionViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="367"/>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="515"/>
        <source>Connecting…</source>
        <extracomment>Input level is published at most every this many ms: a meter needs ~10 updates/s to look alive; 40 ms audio blocks would otherwise make 25 repaints per second for no visible gain. Session clock tick (ms) for the status bar duration.</extracomment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="387"/>
        <source>The translated voice is saved with the session but not played: {reason}</source>
        <translation>翻译后的语音会随会话保存，但不会播放：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="435"/>
        <source>Finishing…</source>
        <translation>正在结束…</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="494"/>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="495"/>
        <source>Cost ≈ {amount}</source>
        <translation>费用 ≈ {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="499"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="504"/>
        <source>Reconnected. Speech from the break was sent again.</source>
        <translation>已重新连接。中断期间的语音已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="507"/>
        <source>Reconnecting… (attempt {n})</source>
        <translation>正在重新连接…（第 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="510"/>
        <source> Next try in {s:.0f} s.</source>
        <translation>{s:.0f} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="512"/>
        <source>Connection lost — reconnecting. Keep speaking: your speech is kept.</source>
        <translation>连接中断，正在重新连接。请继续讲话：您的语音会被保留。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="517"/>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="606"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="519"/>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="547"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="705"/>
        <source>The session history could not be written: {e}</source>
        <translation>无法写入会话历史：{e}</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../../ui/live_tab.py" line="81"/>
        <source>Text + voice</source>
        <extracomment>Preview thumbnail size (px): enough to recognise a slide or a face, small enough not to crowd the controls. Width (px) of the volume sliders beside the output pickers: compact, yet ~1 px per percent step for the mouse.</extracomment>
        <translation>文字 + 语音</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="82"/>
        <source>Text only</source>
        <translation>仅文字</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="84"/>
        <source>Voices…</source>
        <translation>音色…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="86"/>
        <source>Hotwords…</source>
        <translation>热词…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="92"/>
        <source>Interpretation</source>
        <translation>同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="94"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="95"/>
        <source>&amp;From:</source>
        <translation>源语言(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="96"/>
        <source>&amp;To:</source>
        <translation>目标语言(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="97"/>
        <source>&amp;Output:</source>
        <translation>输出(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="101"/>
        <source>Voice:</source>
        <translation>音色：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="105"/>
        <source>Hotwords:</source>
        <translation>热词：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="121"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="123"/>
        <source>M&amp;icrophone:</source>
        <translation>麦克风(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="124"/>
        <source>Level:</source>
        <translation>音量：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="128"/>
        <source>&amp;Voice to:</source>
        <translation>语音输出到(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="131"/>
        <source>Also to:</source>
        <translation>同时输出到：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="132"/>
        <source>&amp;Picture:</source>
        <translation>画面(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="144"/>
        <source>Presentation window</source>
        <translation>演示窗口</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="145"/>
        <source>Large captions for the audience (F11 in the window: full screen)</source>
        <translation>为观众显示大字幕（在窗口中按 F11 全屏）</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="175"/>
        <source>Caption text size</source>
        <translation>字幕字号</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="176"/>
        <source>Show source text</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="178"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="179"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="181"/>
        <source>Text size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="207"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="274"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="280"/>
        <source>text only</source>
        <translation>仅文字</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="289"/>
        <source>The model cannot speak this language yet: captions only.</source>
        <translation>该模型暂不支持用此语言朗读：仅显示字幕。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="293"/>
        <source>{voice} (default)</source>
        <translation>{voice}（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="296"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="297"/>
        <source>{name}: {count} terms</source>
        <translation>{name}：{count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="299"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="325"/>
        <source>Voice volume on this output: {percent} % (applies at once)</source>
        <translation>此输出的语音音量：{percent} %（立即生效）</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="330"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="336"/>
        <source>Do not play here</source>
        <translation>不在本机播放</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="341"/>
        <source>Nowhere else</source>
        <translation>不输出到其他设备</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="351"/>
        <source>No picture</source>
        <translation>不发送画面</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="360"/>
        <source>Preview
while live</source>
        <translation>开始后
显示预览</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="361"/>
        <source>Pictures are sent when they change, at most 2 per second.</source>
        <translation>画面变化时才发送，每秒最多 2 张。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="368"/>
        <source>Choose a video or an image to show the model</source>
        <translation>选择要给模型看的视频或图片</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="370"/>
        <source>Videos and images (*.mp4 *.mkv *.mov *.avi *.webm *.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>视频和图片 (*.mp4 *.mkv *.mov *.avi *.webm *.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="381"/>
        <source>Pictures sent: {frames}
Image tokens: {tokens}</source>
        <translation>已发送画面：{frames} 张
图像 token：{tokens}</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="387"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="388"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="389"/>
        <source>Live: speak now.</source>
        <translation>同传中：请讲话。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="390"/>
        <source>Connection lost, reconnecting… your speech is kept and resent.</source>
        <translation>连接中断，正在重新连接…您的语音会被保留并重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="391"/>
        <source>Finishing the last sentence…</source>
        <translation>正在完成最后一句…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="392"/>
        <source>Stopped after an error.</source>
        <translation>出错后已停止。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="395"/>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="395"/>
        <source>● Start</source>
        <translation>● 开始</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="396"/>
        <source>Start or stop interpreting (Ctrl+Enter)</source>
        <translation>开始或停止同传（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="431"/>
        <source>Echo risk: {warning}</source>
        <translation>回声风险：{warning}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Not available yet.</source>
        <extracomment>Default window size (px): room for the controls row and ~8 caption pairs on a 1366x768 laptop.</extracomment>
        <translation>暂不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>Translate recordings, videos and subtitle files, with a queue, progress and a cost estimate.</source>
        <translation>翻译录音、视频和字幕文件，支持队列、进度显示和费用估算。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>Translate the text in screenshots, scans and product images, keeping the layout.</source>
        <translation>翻译截图、扫描件和商品图片中的文字，并保留原有版式。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>OCR</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>Read text from images and the screen, then translate it.</source>
        <translation>识别图片和屏幕上的文字，然后进行翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>&amp;Live</source>
        <translation>同传(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>&amp;Files</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>&amp;Images</source>
        <translation>图片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>&amp;OCR</source>
        <translation>文字识别(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>Demo — not real translation. Output comes from the built-in emulator.</source>
        <translation>演示模式——并非真实翻译。输出来自内置模拟器。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Latency {s:.1f} s</source>
        <translation>延迟 {s:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>Live Interpreter</source>
        <translation>同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source> — Demo</source>
        <translation> — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>Not opened: {names}. Live Interpreter opens audio, video, subtitle, text and image files.</source>
        <translation>未打开：{names}。同声传译可以打开音频、视频、字幕、文本和图片文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Finishing the session before closing…</source>
        <translation>正在结束会话，随后关闭…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Latency —</source>
        <translation>延迟 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>From the end of speech to its final translation, last segment</source>
        <translation>最近一段从讲话结束到最终译文出现的时间</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>Session duration</source>
        <translation>会话时长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Cost —</source>
        <translation>费用 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Estimated cost of this session (the service&apos;s bill is authoritative)</source>
        <translation>本次会话的估算费用（以服务商账单为准）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Demo — not real translation</source>
        <translation>演示模式——并非真实翻译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>&amp;Open files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Session &amp;history…</source>
        <translation>会话历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>&amp;Export this session…</source>
        <translation>导出本次会话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>&amp;Start / Stop</source>
        <translation>开始 / 停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Presentation window</source>
        <translation>演示窗口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Clear captions</source>
        <translation>清除字幕(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Show &amp;source text</source>
        <translation>显示原文(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>&amp;Jump to live captions</source>
        <translation>跳到最新字幕(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>&amp;API key…</source>
        <translation>API 密钥(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>&amp;Voices…</source>
        <translation>音色(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>&amp;Hotwords…</source>
        <translation>热词(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>&amp;Welcome guide…</source>
        <translation>欢迎向导(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>&amp;About Live Interpreter</source>
        <translation>关于同声传译(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Open files to translate</source>
        <translation>打开要翻译的文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>About Live Interpreter</source>
        <translation>关于同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285"/>
        <source>Live Interpreter {version}
Live speech interpretation with Alibaba Cloud Model Studio.</source>
        <translation>同声传译 {version}
基于阿里云百炼的实时语音同声传译。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>, </source>
        <comment>separator between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../ui/widgets.py" line="39"/>
        <source>Dismiss</source>
        <extracomment>Level meter range: -60 dBFS is silence for speech purposes (room noise sits around -60..-50), 0 dBFS is clipping. Above this the meter turns amber: speech peaking higher than -6 dBFS risks clipping.</extracomment>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../ui/presentation_window.py" line="82"/>
        <source>Live Interpreter — Presentation</source>
        <extracomment>How many of the newest rows to consider; older ones would be pushed off the top anyway at presentation sizes. Margin around the text, as a fraction of the window width (projectors crop edges; 4 % keeps text visible). Space between caption pairs, as a fraction of the font height. Smallest margin (px), so text never touches the edge of a small window. The source line is drawn at this fraction of the translation&apos;s size (context, not the message) ... ... but never below this many points, which stays readable from the back of a room. Opacity of the source line: visibly secondary to the translation. Opacity of tentative (stash) words: visibly provisional, still legible from the back of the room. Zoom keys change the translation font by this many points, within [_MIN_FONT_PT, _MAX_FONT_PT]: below 12 pt a projector audience cannot read it; 120 pt already fills a strip with a few words.</extracomment>
        <translation>同声传译 — 演示窗口</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="199"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="201"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="205"/>
        <source>Both languages</source>
        <translation>双语显示</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="207"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="214"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app_context.py" line="225"/>
        <source>Your key is saved: new sessions use the real service and are billed.</source>
        <translation>密钥已保存：新的会话将使用真实服务并产生费用。</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="260"/>
        <source>Bundled speech sample</source>
        <translation>内置语音样本</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="267"/>
        <location filename="../../app_context.py" line="270"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="321"/>
        <source>The new language applies the next time you start Live Interpreter.</source>
        <translation>新的界面语言将在下次启动同声传译时生效。</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="338"/>
        <source>There is no session to export yet.</source>
        <translation>还没有可以导出的会话。</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="354"/>
        <source>Recover…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="374"/>
        <source>Something went wrong inside the app; it was written to the log. You can keep working.</source>
        <translation>应用内部出现问题，详情已写入日志。您可以继续使用。</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <location filename="../../ui/dialogs/localization.py" line="56"/>
        <source>en</source>
        <comment>The language code of this translation (e.g. zh_CN): language pickers use it to show localized names.</comment>
        <extracomment>UI languages whose script puts no space between sentences (a full-width &quot;。&quot; ends them). A sort key for names in one language (a Qt collation key, comparable with ``&lt;``).</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>VisualFeed</name>
    <message>
        <location filename="../../ui/viewmodels/visual_feed.py" line="109"/>
        <source>the source could not be read</source>
        <extracomment>Preview rate: enough to aim a camera or see a slide change, a small share of the Qt thread&apos;s time. Preview frames are decimated to at most this width before the QImage copy (the label shows ~160 px; twice that keeps the scaled thumbnail sharp on high-DPI screens).</extracomment>
        <translation>无法读取画面来源</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual_feed.py" line="112"/>
        <source>The picture stopped ({reason}); interpretation goes on with sound only.</source>
        <translation>画面已停止（{reason}）；同传将仅凭声音继续进行。</translation>
    </message>
</context>
<context>
    <name>VisualSources</name>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="32"/>
        <location filename="../../ui/viewmodels/visual.py" line="43"/>
        <source>Camera {n}</source>
        <extracomment>Picker entry that opens a file chooser (never stored). Where Linux lists video devices; each camera has one node whose ``index`` is 0 (its capture node), the others are metadata nodes OpenCV cannot read. Cameras offered unprobed where they cannot be listed without opening them (opening is slow and may light the camera&apos;s LED): the first two indexes cover a built-in plus one USB camera.</extracomment>
        <translation>摄像头 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="56"/>
        <source>Screen {n}</source>
        <translation>屏幕 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="66"/>
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="75"/>
        <source>Video or image file…</source>
        <translation>视频或图片文件…</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="59"/>
        <source>Off: use the voice selected above</source>
        <extracomment>The cloning choices in English (the source text); the dialog shows their translations.</extracomment>
        <translation>关闭：使用上方选中的音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="60"/>
        <source>Clone the speaker&apos;s voice once, at the start of the session (one speaker)</source>
        <translation>在会话开始时克隆一次讲者的声音（单个讲者）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="63"/>
        <source>Clone the voice again before every response (several speakers take turns)</source>
        <translation>每次回复前重新克隆声音（多位讲者轮流发言）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="66"/>
        <source>Use a voice I cloned earlier, by its voice id:</source>
        <translation>使用我之前克隆的音色，音色 ID：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="80"/>
        <source>Voices</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="89"/>
        <source>Only voices that speak the target language</source>
        <translation>仅显示能说目标语言的音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="92"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="95"/>
        <source>Target language:</source>
        <translation>目标语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="103"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="103"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="103"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="103"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="116"/>
        <source>Voice cloning</source>
        <translation>声音克隆</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="147"/>
        <source>Preview</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="149"/>
        <source>Translate a short English sentence with this voice and play it.</source>
        <translation>用此音色翻译一句简短的英文并播放。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="161"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="162"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="199"/>
        <source>Only voices that speak {language}</source>
        <translation>仅显示能说{language}的音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="208"/>
        <source>{voice} (default)</source>
        <translation>{voice}（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="209"/>
        <source>Speaks the target language</source>
        <translation>能说目标语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="218"/>
        <source>{voice}: {description}</source>
        <translation>{voice}：{description}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="252"/>
        <source>Preparing the preview…</source>
        <translation>正在准备试听…</translation>
    </message>
</context>
<context>
    <name>VoicesViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="193"/>
        <source>, </source>
        <comment>separator of a list of language names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="203"/>
        <source>{language} is translated as text only on this model; no voice speaks it.</source>
        <translation>此模型仅以文字翻译{language}；没有音色能朗读该语言。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="207"/>
        <source>Does not speak {language}.</source>
        <translation>不会说{language}。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="227"/>
        <source>All {count} spoken languages</source>
        <translation>全部 {count} 种可朗读语言</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="309"/>
        <source>Preview unavailable: this build has no audio output.</source>
        <translation>无法试听：此版本不支持音频输出。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="311"/>
        <source>Preview unavailable: add an API key or start the demo to hear voices.</source>
        <translation>无法试听：请添加 API 密钥或启动演示模式来试听音色。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="329"/>
        <source>Nothing to preview: this target language has no translated voice.</source>
        <translation>无可试听内容：此目标语言没有译文语音。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="337"/>
        <source>The service returned no voice for the preview; try again.</source>
        <translation>服务未返回试听语音；请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/voices.py" line="349"/>
        <source>Played {seconds:.1f} s of {voice}.</source>
        <translation>已播放 {voice} 的 {seconds:.1f} 秒语音。</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="19"/>
        <location filename="../../ui/dialogs/welcome.py" line="22"/>
        <source>Welcome to Live Interpreter</source>
        <translation>欢迎使用同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="26"/>
        <source>Live Interpreter translates speech as it is spoken, with captions and a translated voice, using Alibaba Cloud Model Studio (DashScope). To use the real service you need an API key from the Model Studio console.

No key yet? The demo runs entirely on this computer with a built-in stand-in for the service: every screen works, but the “translations” are placeholders and nothing is billed.</source>
        <translation>同声传译可在讲话的同时进行翻译，提供字幕和译文语音，由阿里云百炼（DashScope）提供服务。要使用真实服务，您需要在百炼控制台中获取 API 密钥。

还没有密钥？演示模式完全在本机运行，使用内置的服务模拟器：所有界面都能正常使用，但“译文”只是占位内容，也不会产生任何费用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="34"/>
        <source>Enter your key…</source>
        <translation>输入密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="37"/>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
</context>
<context>
    <name>access.model_denied</name>
    <message>
        <location filename="../../transport/texts.py" line="21"/>
        <source>This API key may not use {model}{where}: enable the model in the Model Studio console, check that the account is in good standing, or turn off the &apos;free tier only&apos; mode.</source>
        <translation>此 API 密钥无权使用 {model}{where}：请在百炼控制台中开通该模型，确认账号状态正常（无欠费），或关闭“仅使用免费额度”模式。</translation>
    </message>
</context>
<context>
    <name>access.model_not_allowed</name>
    <message>
        <location filename="../../protocol/texts.py" line="66"/>
        <source>The account may not use this model right now: {reason}</source>
        <translation>此账号当前无权使用该模型：{reason}</translation>
    </message>
</context>
<context>
    <name>auth.key_empty</name>
    <message>
        <location filename="../../store/texts.py" line="21"/>
        <source>The API key is empty; paste the key from the Model Studio console.</source>
        <translation>API 密钥为空；请从百炼控制台复制密钥并粘贴到这里。</translation>
    </message>
</context>
<context>
    <name>auth.key_has_spaces</name>
    <message>
        <location filename="../../store/texts.py" line="22"/>
        <source>The API key contains spaces or line breaks; paste only the key itself.</source>
        <translation>API 密钥中含有空格或换行；请只粘贴密钥本身。</translation>
    </message>
</context>
<context>
    <name>auth.key_refused</name>
    <message>
        <location filename="../../protocol/texts.py" line="63"/>
        <source>The service refused the API key ({reason}); check the key and its region in Settings.</source>
        <translation>服务拒绝了 API 密钥（{reason}）；请在“设置”中检查密钥及其所属地域。</translation>
    </message>
</context>
<context>
    <name>auth.key_rejected</name>
    <message>
        <location filename="../../transport/texts.py" line="15"/>
        <source>The service{where} rejected the API key: check that it is correct and that it was created for this region (keys are region-bound: a Beijing key does not work in Singapore and vice versa).</source>
        <translation>服务{where}拒绝了 API 密钥：请检查密钥是否正确，以及是否是在该地域创建的（密钥与地域绑定：北京地域的密钥不能在新加坡地域使用，反之亦然）。</translation>
    </message>
</context>
<context>
    <name>auth.no_key</name>
    <message>
        <location filename="../../transport/texts.py" line="20"/>
        <source>No API key is set: add one in Settings or set DASHSCOPE_API_KEY.</source>
        <translation>尚未设置 API 密钥：请在“设置”中添加，或设置环境变量 DASHSCOPE_API_KEY。</translation>
    </message>
</context>
<context>
    <name>auth.no_key_in_app</name>
    <message>
        <location filename="../../services/texts.py" line="66"/>
        <source>No API key is set: add your DashScope key in Settings → API key, or start with --demo to try the app offline.</source>
        <translation>尚未设置 API 密钥：请在“设置 → API 密钥”中添加您的 DashScope 密钥，或使用 --demo 启动以离线试用本应用。</translation>
    </message>
</context>
<context>
    <name>check.blank_key</name>
    <message>
        <location filename="../../services/texts.py" line="46"/>
        <source>Enter an API key first.</source>
        <translation>请先输入 API 密钥。</translation>
    </message>
</context>
<context>
    <name>check.headline.config</name>
    <message>
        <location filename="../../services/texts.py" line="42"/>
        <source>Settings problem</source>
        <translation>设置有误</translation>
    </message>
</context>
<context>
    <name>check.headline.invalid_key</name>
    <message>
        <location filename="../../services/texts.py" line="35"/>
        <source>Invalid key</source>
        <translation>密钥无效</translation>
    </message>
</context>
<context>
    <name>check.headline.network</name>
    <message>
        <location filename="../../services/texts.py" line="39"/>
        <source>Network problem</source>
        <translation>网络问题</translation>
    </message>
</context>
<context>
    <name>check.headline.no_access</name>
    <message>
        <location filename="../../services/texts.py" line="37"/>
        <source>No access to the model</source>
        <translation>无权使用该模型</translation>
    </message>
</context>
<context>
    <name>check.headline.ok</name>
    <message>
        <location filename="../../services/texts.py" line="34"/>
        <source>Connected</source>
        <extracomment>Headlines: a few words for the API key dialog&apos;s status line, one per CheckReason.</extracomment>
        <translation>已连接</translation>
    </message>
</context>
<context>
    <name>check.headline.quota</name>
    <message>
        <location filename="../../services/texts.py" line="38"/>
        <source>Quota or rate limit reached</source>
        <translation>已达到配额或速率限制</translation>
    </message>
</context>
<context>
    <name>check.headline.rejected</name>
    <message>
        <location filename="../../services/texts.py" line="41"/>
        <source>Request rejected</source>
        <translation>请求被拒绝</translation>
    </message>
</context>
<context>
    <name>check.headline.server</name>
    <message>
        <location filename="../../services/texts.py" line="40"/>
        <source>Service problem</source>
        <translation>服务异常</translation>
    </message>
</context>
<context>
    <name>check.headline.wrong_region</name>
    <message>
        <location filename="../../services/texts.py" line="36"/>
        <source>Wrong region</source>
        <translation>地域不匹配</translation>
    </message>
</context>
<context>
    <name>check.key_refused</name>
    <message>
        <location filename="../../services/texts.py" line="56"/>
        <source>The {region} service refused this key: check that it is copied completely, has not been deleted, and was created for this region.</source>
        <translation>{region}服务拒绝了此密钥：请检查密钥是否完整复制、是否已被删除，以及是否是在该地域创建的。</translation>
    </message>
</context>
<context>
    <name>check.quota</name>
    <message>
        <location filename="../../services/texts.py" line="51"/>
        <source>The service is limiting requests for this account (too many sessions or tokens per minute, or the quota is used up); wait a minute and test again, or check the quota in the Model Studio console.</source>
        <extracomment>The transport&apos;s rate-limit sentence promises a retry; a check does not retry, so this says what the user can do.</extracomment>
        <translation>服务正在限制此账号的请求（每分钟的会话数或 token 数过多，或配额已用完）；请等待一分钟后再测试，或在百炼控制台中查看配额。</translation>
    </message>
</context>
<context>
    <name>check.region_service</name>
    <message>
        <location filename="../../services/texts.py" line="63"/>
        <source>the {region} service</source>
        <extracomment>``{where}`` of CHECK_WORKS when the public endpoint of a region was used.</extracomment>
        <translation>{region}服务</translation>
    </message>
</context>
<context>
    <name>check.works</name>
    <message>
        <location filename="../../services/texts.py" line="61"/>
        <source>The key works: a live session opened on {where}.</source>
        <translation>密钥可用：已通过{where}成功开启同传会话。</translation>
    </message>
</context>
<context>
    <name>check.wrong_region</name>
    <message>
        <location filename="../../services/texts.py" line="47"/>
        <source>This key belongs to the {region} region; select that region and save again.</source>
        <translation>此密钥属于{region}地域；请选择该地域后重新保存。</translation>
    </message>
</context>
<context>
    <name>config.commit_needs_manual_turns</name>
    <message>
        <location filename="../../protocol/texts.py" line="31"/>
        <source>Committing a sentence needs manual turn detection; this session detects pauses by itself.</source>
        <translation>手动提交语句需要使用手动断句；本次会话由服务自动检测停顿。</translation>
    </message>
</context>
<context>
    <name>config.hotword_incomplete</name>
    <message>
        <location filename="../../protocol/texts.py" line="17"/>
        <source>The hot word {source} → {target} needs both a source term and its translation.</source>
        <translation>热词 {source} → {target} 需要同时填写原文词条和译文。</translation>
    </message>
</context>
<context>
    <name>config.invalid_service_address</name>
    <message>
        <location filename="../../transport/texts.py" line="101"/>
        <source>The service address {address} is not a valid http(s):// or ws(s):// URL.</source>
        <translation>服务地址 {address} 不是有效的 http(s):// 或 ws(s):// 网址。</translation>
    </message>
</context>
<context>
    <name>config.invalid_websocket_url</name>
    <message>
        <location filename="../../transport/texts.py" line="59"/>
        <source>The service address for {host} is not a valid WebSocket URL.</source>
        <translation>{host} 的服务地址不是有效的 WebSocket 网址。</translation>
    </message>
</context>
<context>
    <name>config.model_not_available</name>
    <message>
        <location filename="../../transport/texts.py" line="26"/>
        <source>The model {model} is not available at this service address{where}; choose another model or region.</source>
        <translation>此服务地址{where}不提供模型 {model}；请选择其他模型或地域。</translation>
    </message>
</context>
<context>
    <name>config.sample_rate</name>
    <message>
        <location filename="../../protocol/texts.py" line="29"/>
        <source>{model} accepts {allowed} Hz audio, not {rate} Hz.</source>
        <translation>{model} 只接受 {allowed} Hz 的音频，不接受 {rate} Hz。</translation>
    </message>
</context>
<context>
    <name>config.sample_rate_either</name>
    <message>
        <location filename="../../protocol/texts.py" line="30"/>
        <source>{model} accepts {first} Hz or {second} Hz audio, not {rate} Hz.</source>
        <translation>{model} 只接受 {first} Hz 或 {second} Hz 的音频，不接受 {rate} Hz。</translation>
    </message>
</context>
<context>
    <name>config.silence_range</name>
    <message>
        <location filename="../../protocol/texts.py" line="26"/>
        <source>The pause that ends a sentence must be between {low} and {high} ms, not {value}.</source>
        <translation>断句停顿时长必须在 {low} 到 {high} 毫秒之间，当前为 {value}。</translation>
    </message>
</context>
<context>
    <name>config.turn_detection_mode</name>
    <message>
        <location filename="../../protocol/texts.py" line="20"/>
        <source>Turn detection must be &apos;server_vad&apos; or &apos;manual&apos;, not &apos;{mode}&apos;.</source>
        <translation>断句方式必须是“server_vad”或“manual”，不能是“{mode}”。</translation>
    </message>
</context>
<context>
    <name>config.unknown_model</name>
    <message>
        <location filename="../../protocol/texts.py" line="12"/>
        <source>&apos;{model}&apos; is not a LiveTranslate realtime model.</source>
        <translation>“{model}”不是 LiveTranslate 实时模型。</translation>
    </message>
</context>
<context>
    <name>config.unknown_model_choices</name>
    <message>
        <location filename="../../protocol/texts.py" line="9"/>
        <source>&apos;{model}&apos; is not a LiveTranslate realtime model; choose one of: {choices}.</source>
        <translation>“{model}”不是 LiveTranslate 实时模型；请从以下模型中选择：{choices}。</translation>
    </message>
</context>
<context>
    <name>config.unknown_region</name>
    <message>
        <location filename="../../transport/texts.py" line="100"/>
        <source>Unknown region {value}; choose one of: {choices}.</source>
        <translation>未知地域 {value}；请从以下地域中选择：{choices}。</translation>
    </message>
</context>
<context>
    <name>config.unsupported_language</name>
    <message>
        <location filename="../../protocol/texts.py" line="13"/>
        <source>{model} supports {count} languages; &apos;{code}&apos; is not one of them (supported: {supported}).</source>
        <translation>{model} 支持 {count} 种语言，其中不包括“{code}”（支持的语言：{supported}）。</translation>
    </message>
</context>
<context>
    <name>config.vad_threshold_range</name>
    <message>
        <location filename="../../protocol/texts.py" line="23"/>
        <source>The speech detection threshold must be between {low} and {high}, not {value}.</source>
        <translation>语音检测阈值必须在 {low} 到 {high} 之间，当前为 {value}。</translation>
    </message>
</context>
<context>
    <name>device.ambiguous</name>
    <message>
        <location filename="../../media/texts.py" line="17"/>
        <source>Several audio {kind} devices match {spec} ({names}); use the full name.</source>
        <translation>有多个音频{kind}设备与 {spec} 匹配（{names}）；请使用完整的设备名称。</translation>
    </message>
</context>
<context>
    <name>device.bad_screen_region</name>
    <message>
        <location filename="../../media/texts.py" line="52"/>
        <source>The screen region {region} must look like x,y,width,height.</source>
        <translation>屏幕区域 {region} 的格式应为 x,y,宽度,高度。</translation>
    </message>
</context>
<context>
    <name>device.bad_source_number</name>
    <message>
        <location filename="../../media/texts.py" line="53"/>
        <source>{value} is not a {kind} number; use for example {example}.</source>
        <translation>{value} 不是有效的{kind}编号；示例：{example}。</translation>
    </message>
</context>
<context>
    <name>device.camera_stopped</name>
    <message>
        <location filename="../../media/texts.py" line="47"/>
        <source>The camera {index} stopped sending pictures; it may have been unplugged.</source>
        <translation>摄像头 {index} 已停止传送画面；可能已被拔出。</translation>
    </message>
</context>
<context>
    <name>device.camera_unavailable</name>
    <message>
        <location filename="../../media/texts.py" line="44"/>
        <source>The camera {index} cannot be opened; it may be in use by another app.</source>
        <translation>无法打开摄像头 {index}；它可能正被其他应用使用。</translation>
    </message>
</context>
<context>
    <name>device.kind.camera</name>
    <message>
        <location filename="../../media/texts.py" line="54"/>
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
</context>
<context>
    <name>device.kind.input</name>
    <message>
        <location filename="../../media/texts.py" line="11"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>device.kind.output</name>
    <message>
        <location filename="../../media/texts.py" line="12"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>device.kind.screen</name>
    <message>
        <location filename="../../media/texts.py" line="55"/>
        <source>screen</source>
        <translation>屏幕</translation>
    </message>
</context>
<context>
    <name>device.microphone_back</name>
    <message>
        <location filename="../../media/texts.py" line="30"/>
        <source>Back on {name}.</source>
        <translation>已恢复使用 {name}。</translation>
    </message>
</context>
<context>
    <name>device.microphone_listening</name>
    <message>
        <location filename="../../media/texts.py" line="25"/>
        <source>Listening on {name}.</source>
        <translation>正在使用 {name} 收音。</translation>
    </message>
</context>
<context>
    <name>device.microphone_lost</name>
    <message>
        <location filename="../../media/texts.py" line="27"/>
        <source>Lost {name}; the session continues with silence while it reconnects.</source>
        <translation>{name} 已断开；会话将在重新连接期间发送静音并继续进行。</translation>
    </message>
</context>
<context>
    <name>device.microphone_off</name>
    <message>
        <location filename="../../media/texts.py" line="26"/>
        <source>Microphone stopped.</source>
        <translation>麦克风已停止。</translation>
    </message>
</context>
<context>
    <name>device.microphone_stalled</name>
    <message>
        <location filename="../../media/texts.py" line="33"/>
        <source>The microphone stopped delivering audio; it may have been unplugged.</source>
        <translation>麦克风已停止传送音频；可能已被拔出。</translation>
    </message>
</context>
<context>
    <name>device.microphone_stopped</name>
    <message>
        <location filename="../../media/texts.py" line="32"/>
        <source>The microphone stopped delivering audio.</source>
        <translation>麦克风已停止传送音频。</translation>
    </message>
</context>
<context>
    <name>device.microphone_switched</name>
    <message>
        <location filename="../../media/texts.py" line="31"/>
        <source>Switched to {name}.</source>
        <translation>已切换到 {name}。</translation>
    </message>
</context>
<context>
    <name>device.microphone_unavailable</name>
    <message>
        <location filename="../../media/texts.py" line="36"/>
        <source>The microphone {name} could not be opened; it may be in use or unplugged.</source>
        <translation>无法打开麦克风 {name}；它可能正被占用或已被拔出。</translation>
    </message>
</context>
<context>
    <name>device.no_audio_system</name>
    <message>
        <location filename="../../media/texts.py" line="9"/>
        <source>No audio system is available on this computer.</source>
        <translation>此电脑上没有可用的音频系统。</translation>
    </message>
</context>
<context>
    <name>device.no_such_number</name>
    <message>
        <location filename="../../media/texts.py" line="14"/>
        <source>There is no audio {kind} device number {number}; pick one from the device list.</source>
        <translation>没有编号为 {number} 的音频{kind}设备；请从设备列表中选择。</translation>
    </message>
</context>
<context>
    <name>device.no_such_screen</name>
    <message>
        <location filename="../../media/texts.py" line="51"/>
        <source>There is no screen {number}; this computer has {count}.</source>
        <translation>没有屏幕 {number}；此电脑共有 {count} 个屏幕。</translation>
    </message>
</context>
<context>
    <name>device.none_found</name>
    <message>
        <location filename="../../media/texts.py" line="13"/>
        <source>No audio {kind} device was found; connect one and try again.</source>
        <translation>未找到音频{kind}设备；请连接设备后重试。</translation>
    </message>
</context>
<context>
    <name>device.not_connected</name>
    <message>
        <location filename="../../media/texts.py" line="18"/>
        <source>The audio {kind} device {spec} is not connected; pick another one in Settings.</source>
        <translation>音频{kind}设备 {spec} 未连接；请在“设置”中选择其他设备。</translation>
    </message>
</context>
<context>
    <name>device.output_stopped</name>
    <message>
        <location filename="../../media/texts.py" line="21"/>
        <source>The audio output {name} stopped; the translated voice continues on the others.</source>
        <translation>音频输出设备 {name} 已停止；译文语音继续在其他输出设备上播放。</translation>
    </message>
</context>
<context>
    <name>device.output_unavailable</name>
    <message>
        <location filename="../../media/texts.py" line="39"/>
        <source>The audio output {name} could not be opened; it may be in use or unplugged.</source>
        <translation>无法打开音频输出设备 {name}；它可能正被占用或已被拔出。</translation>
    </message>
</context>
<context>
    <name>device.screen_unavailable</name>
    <message>
        <location filename="../../media/texts.py" line="50"/>
        <source>The screen cannot be captured (no display is available).</source>
        <translation>无法截取屏幕（没有可用的显示器）。</translation>
    </message>
</context>
<context>
    <name>device.the_microphone</name>
    <message>
        <location filename="../../media/texts.py" line="29"/>
        <source>the microphone</source>
        <extracomment>``{name}`` of MICROPHONE_LOST when the device is unknown.</extracomment>
        <translation>麦克风</translation>
    </message>
</context>
<context>
    <name>file.audio_damaged</name>
    <message>
        <location filename="../../media/texts.py" line="62"/>
        <source>The audio in {file} is damaged and could not be decoded to the end.</source>
        <translation>{file} 中的音频已损坏，无法完整解码。</translation>
    </message>
</context>
<context>
    <name>file.cannot_create_folder</name>
    <message>
        <location filename="../../store/texts.py" line="48"/>
        <source>Cannot create the folder {path}; check that it is writable or set {variable} to another folder.</source>
        <translation>无法创建文件夹 {path}；请检查该位置是否可写，或将 {variable} 设为其他文件夹。</translation>
    </message>
</context>
<context>
    <name>file.cannot_write</name>
    <message>
        <location filename="../../store/texts.py" line="46"/>
        <source>Cannot write {path}; check that the folder exists and is writable.</source>
        <translation>无法写入 {path}；请检查文件夹是否存在且可写。</translation>
    </message>
</context>
<context>
    <name>file.cannot_write_space</name>
    <message>
        <location filename="../../store/texts.py" line="47"/>
        <source>Cannot write {path}; check free disk space and permissions.</source>
        <translation>无法写入 {path}；请检查磁盘空间和权限。</translation>
    </message>
</context>
<context>
    <name>file.captions_write_failed</name>
    <message>
        <location filename="../../services/texts.py" line="15"/>
        <source>Writing the captions {file} failed; the disk may be full.</source>
        <translation>写入字幕 {file} 失败；磁盘可能已满。</translation>
    </message>
</context>
<context>
    <name>file.earlier_session_unreadable</name>
    <message>
        <location filename="../../services/texts.py" line="19"/>
        <source>Cannot read the earlier session in {folder}; choose another output folder.</source>
        <translation>无法读取 {folder} 中之前的会话；请选择其他输出文件夹。</translation>
    </message>
</context>
<context>
    <name>file.frame_not_encoded</name>
    <message>
        <location filename="../../media/texts.py" line="66"/>
        <source>A video frame could not be encoded as JPEG.</source>
        <translation>无法将视频画面编码为 JPEG。</translation>
    </message>
</context>
<context>
    <name>file.frame_too_detailed</name>
    <message>
        <location filename="../../media/texts.py" line="67"/>
        <source>A video frame is too detailed to send.</source>
        <translation>视频画面细节过多，无法发送。</translation>
    </message>
</context>
<context>
    <name>file.image_unreadable</name>
    <message>
        <location filename="../../media/texts.py" line="63"/>
        <source>The image {file} cannot be read.</source>
        <translation>无法读取图片 {file}。</translation>
    </message>
</context>
<context>
    <name>file.missing</name>
    <message>
        <location filename="../../media/texts.py" line="58"/>
        <source>The file {file} does not exist.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
</context>
<context>
    <name>file.missing_or_not_a_file</name>
    <message>
        <location filename="../../media/texts.py" line="59"/>
        <source>The file {file} does not exist or is not a file.</source>
        <translation>文件 {file} 不存在或不是普通文件。</translation>
    </message>
</context>
<context>
    <name>file.no_audio_track</name>
    <message>
        <location filename="../../media/texts.py" line="61"/>
        <source>The file {file} has no audio track to translate.</source>
        <translation>文件 {file} 中没有可翻译的音轨。</translation>
    </message>
</context>
<context>
    <name>file.no_video</name>
    <message>
        <location filename="../../media/texts.py" line="64"/>
        <source>The file {file} has no video to show.</source>
        <translation>文件 {file} 中没有可显示的视频。</translation>
    </message>
</context>
<context>
    <name>file.output_folder_cannot_create</name>
    <message>
        <location filename="../../services/texts.py" line="16"/>
        <source>Cannot create the output folder {folder}; choose a writable folder.</source>
        <translation>无法创建输出文件夹 {folder}；请选择一个可写入的文件夹。</translation>
    </message>
</context>
<context>
    <name>file.recording_cannot_create</name>
    <message>
        <location filename="../../media/texts.py" line="70"/>
        <source>Cannot create the recording {file}: check the folder exists and is writable.</source>
        <translation>无法创建录音文件 {file}：请检查文件夹是否存在且可写。</translation>
    </message>
</context>
<context>
    <name>file.recording_save_failed</name>
    <message>
        <location filename="../../media/texts.py" line="79"/>
        <source>Saving the recording {file} failed: the disk may be full.</source>
        <translation>保存录音 {file} 失败：磁盘可能已满。</translation>
    </message>
</context>
<context>
    <name>file.recording_too_large</name>
    <message>
        <location filename="../../media/texts.py" line="73"/>
        <source>The recording {file} reached the 4 GB limit of the WAV format; start a new session.</source>
        <translation>录音 {file} 已达到 WAV 格式 4 GB 的上限；请开始新的会话。</translation>
    </message>
</context>
<context>
    <name>file.recording_write_failed</name>
    <message>
        <location filename="../../media/texts.py" line="76"/>
        <source>Writing the recording {file} failed: the disk may be full.</source>
        <translation>写入录音 {file} 失败：磁盘可能已满。</translation>
    </message>
</context>
<context>
    <name>file.session_files_failed</name>
    <message>
        <location filename="../../services/texts.py" line="72"/>
        <source>The session could not use its files: {reason}. Check the disk and try again.</source>
        <translation>会话无法使用其文件：{reason}。请检查磁盘后重试。</translation>
    </message>
</context>
<context>
    <name>file.transcript_cannot_create</name>
    <message>
        <location filename="../../services/texts.py" line="9"/>
        <source>Cannot write the transcript {path}; check that the folder is writable.</source>
        <translation>无法写入文字记录 {path}；请检查文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>file.transcript_write_failed</name>
    <message>
        <location filename="../../services/texts.py" line="12"/>
        <source>Writing the transcript {file} failed; the disk may be full.</source>
        <translation>写入文字记录 {file} 失败；磁盘可能已满。</translation>
    </message>
</context>
<context>
    <name>file.unsupported_media</name>
    <message>
        <location filename="../../media/texts.py" line="60"/>
        <source>The file {file} is not an audio or video file this app can read.</source>
        <translation>文件 {file} 不是本应用能读取的音频或视频文件。</translation>
    </message>
</context>
<context>
    <name>file.video_damaged</name>
    <message>
        <location filename="../../media/texts.py" line="65"/>
        <source>The video {file} is damaged.</source>
        <translation>视频 {file} 已损坏。</translation>
    </message>
</context>
<context>
    <name>glossary.csv.duplicate</name>
    <message>
        <location filename="../../core/texts.py" line="30"/>
        <source>“{term}” already appears on line {line}; imported, but only the first is used.</source>
        <translation>“{term}”已在第 {line} 行出现；已导入，但只使用第一次出现的词条。</translation>
    </message>
</context>
<context>
    <name>glossary.csv.empty_source</name>
    <message>
        <location filename="../../core/texts.py" line="29"/>
        <source>the source term is empty; row skipped.</source>
        <translation>原文词条为空；已跳过此行。</translation>
    </message>
</context>
<context>
    <name>glossary.csv.no_translation</name>
    <message>
        <location filename="../../core/texts.py" line="33"/>
        <source>“{term}” has no translation; imported, fill it in to use it.</source>
        <translation>“{term}”没有译文；已导入，补充译文后才会使用。</translation>
    </message>
</context>
<context>
    <name>glossary.csv.one_column</name>
    <message>
        <location filename="../../core/texts.py" line="25"/>
        <source>found one column; expected a source term and a translation separated by {delimiter}; row skipped.</source>
        <translation>只有一列；应为以{delimiter}分隔的原文词条和译文；已跳过此行。</translation>
    </message>
</context>
<context>
    <name>glossary.csv.problem_on_line</name>
    <message>
        <location filename="../../core/texts.py" line="34"/>
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
</context>
<context>
    <name>glossary.csv.too_many_columns</name>
    <message>
        <location filename="../../core/texts.py" line="20"/>
        <source>found {found} columns where {expected} were expected (source term, translation); row skipped. If a term contains the delimiter, put it in double quotes.</source>
        <translation>发现 {found} 列，而应为 {expected} 列（原文词条、译文）；已跳过此行。如果词条中包含分隔符，请用英文双引号将其括起来。</translation>
    </message>
</context>
<context>
    <name>glossary.delimiter.comma</name>
    <message>
        <location filename="../../core/texts.py" line="39"/>
        <source>a comma</source>
        <translation>逗号</translation>
    </message>
</context>
<context>
    <name>glossary.delimiter.semicolon</name>
    <message>
        <location filename="../../core/texts.py" line="38"/>
        <source>a semicolon</source>
        <translation>分号</translation>
    </message>
</context>
<context>
    <name>glossary.delimiter.tab</name>
    <message>
        <location filename="../../core/texts.py" line="37"/>
        <source>a tab</source>
        <translation>制表符</translation>
    </message>
</context>
<context>
    <name>glossary.delimiter.vertical_bar</name>
    <message>
        <location filename="../../core/texts.py" line="40"/>
        <source>a vertical bar</source>
        <translation>竖线</translation>
    </message>
</context>
<context>
    <name>glossary.file_too_large</name>
    <message>
        <location filename="../../core/texts.py" line="9"/>
        <source>This file is larger than {megabytes} MB; a glossary is a small table of terms — please check you picked the right file.</source>
        <translation>此文件超过 {megabytes} MB；术语表只是一张小小的词条表格，请确认选择的文件是否正确。</translation>
    </message>
</context>
<context>
    <name>glossary.not_utf8</name>
    <message>
        <location filename="../../core/texts.py" line="14"/>
        <source>This file is not UTF-8 text; save it from your spreadsheet as “CSV UTF-8” and import it again.</source>
        <translation>此文件不是 UTF-8 文本；请在电子表格软件中将其另存为“CSV UTF-8”后重新导入。</translation>
    </message>
</context>
<context>
    <name>glossary.row.duplicate</name>
    <message>
        <location filename="../../core/texts.py" line="45"/>
        <source>“{term}” is already on row {row}; only that row is used.</source>
        <translation>“{term}”已在第 {row} 行出现；仅使用该行。</translation>
    </message>
</context>
<context>
    <name>glossary.row.empty_source</name>
    <message>
        <location filename="../../core/texts.py" line="43"/>
        <source>The source term is empty; this row is not used.</source>
        <translation>原文词条为空；此行不会使用。</translation>
    </message>
</context>
<context>
    <name>glossary.row.empty_target</name>
    <message>
        <location filename="../../core/texts.py" line="44"/>
        <source>The translation is empty; this row is not used.</source>
        <translation>译文为空；此行不会使用。</translation>
    </message>
</context>
<context>
    <name>glossary.store.cannot_move_aside</name>
    <message>
        <location filename="../../store/texts.py" line="68"/>
        <source>The saved glossaries in {path} are damaged and could not be moved aside; move or delete that file, then try again.</source>
        <translation>{path} 中保存的术语表已损坏，且无法移到别处；请移动或删除该文件后重试。</translation>
    </message>
</context>
<context>
    <name>glossary.store.duplicate_name</name>
    <message>
        <location filename="../../store/texts.py" line="59"/>
        <source>There are two glossaries called “{name}”; rename one of them.</source>
        <translation>有两个术语表都叫“{name}”；请将其中一个重命名。</translation>
    </message>
</context>
<context>
    <name>glossary.store.moved_aside</name>
    <message>
        <location filename="../../store/texts.py" line="63"/>
        <source>The saved glossaries could not be read and were moved to {backup}; re-import your terms from that file or a CSV export.</source>
        <translation>无法读取已保存的术语表，原文件已移至 {backup}；请从该文件或 CSV 导出文件重新导入词条。</translation>
    </message>
</context>
<context>
    <name>glossary.store.name_missing</name>
    <message>
        <location filename="../../store/texts.py" line="58"/>
        <source>Every glossary needs a name.</source>
        <translation>每个术语表都需要一个名称。</translation>
    </message>
</context>
<context>
    <name>glossary.store.newer_version</name>
    <message>
        <location filename="../../store/texts.py" line="54"/>
        <source>Your glossaries were saved by a newer version of Live Interpreter; update the app to edit them.</source>
        <translation>您的术语表是由更新版本的同声传译保存的；请更新应用后再编辑。</translation>
    </message>
</context>
<context>
    <name>glossary.store.unreadable</name>
    <message>
        <location filename="../../store/texts.py" line="62"/>
        <source>Cannot read {path}; check the file&apos;s permissions.</source>
        <translation>无法读取 {path}；请检查文件权限。</translation>
    </message>
</context>
<context>
    <name>history.action.delete_session</name>
    <message>
        <location filename="../../store/texts.py" line="93"/>
        <source>delete the session</source>
        <translation>删除会话</translation>
    </message>
</context>
<context>
    <name>history.action.end_session</name>
    <message>
        <location filename="../../store/texts.py" line="91"/>
        <source>end the session</source>
        <translation>结束会话</translation>
    </message>
</context>
<context>
    <name>history.action.save_segment</name>
    <message>
        <location filename="../../store/texts.py" line="90"/>
        <source>save a segment</source>
        <translation>保存语段</translation>
    </message>
</context>
<context>
    <name>history.action.start_session</name>
    <message>
        <location filename="../../store/texts.py" line="89"/>
        <source>start a session</source>
        <translation>开始会话</translation>
    </message>
</context>
<context>
    <name>history.action.update_session</name>
    <message>
        <location filename="../../store/texts.py" line="92"/>
        <source>update the session</source>
        <translation>更新会话</translation>
    </message>
</context>
<context>
    <name>history.audio_save_failed</name>
    <message>
        <location filename="../../store/texts.py" line="94"/>
        <source>Cannot save the translated audio; check free disk space.</source>
        <translation>无法保存译文语音；请检查磁盘剩余空间。</translation>
    </message>
</context>
<context>
    <name>history.cannot_create</name>
    <message>
        <location filename="../../store/texts.py" line="82"/>
        <source>Cannot create a new session history file.</source>
        <translation>无法创建新的会话记录文件。</translation>
    </message>
</context>
<context>
    <name>history.cannot_open</name>
    <message>
        <location filename="../../store/texts.py" line="75"/>
        <source>Cannot open the session history at {path}; check the folder permissions.</source>
        <translation>无法打开位于 {path} 的会话记录；请检查文件夹权限。</translation>
    </message>
</context>
<context>
    <name>history.damaged_set_aside</name>
    <message>
        <location filename="../../store/texts.py" line="78"/>
        <source>The session history was damaged and has been set aside as {file}; a new one was started.</source>
        <translation>会话记录已损坏，已另存为 {file}；并已新建一份会话记录。</translation>
    </message>
</context>
<context>
    <name>history.export_failed</name>
    <message>
        <location filename="../../store/texts.py" line="95"/>
        <source>Cannot write {path}; check free disk space.</source>
        <translation>无法写入 {path}；请检查磁盘剩余空间。</translation>
    </message>
</context>
<context>
    <name>history.newer_version</name>
    <message>
        <location filename="../../store/texts.py" line="83"/>
        <source>The session history was written by a newer version of Live Interpreter; update the app to open it.</source>
        <translation>会话记录是由更新版本的同声传译写入的；请更新应用后再打开。</translation>
    </message>
</context>
<context>
    <name>history.session_missing</name>
    <message>
        <location filename="../../store/texts.py" line="96"/>
        <source>Session {session} is not in the history (it may have been deleted).</source>
        <translation>会话记录中没有会话 {session}（可能已被删除）。</translation>
    </message>
</context>
<context>
    <name>history.write_failed</name>
    <message>
        <location filename="../../store/texts.py" line="87"/>
        <source>The session history could not {action}; check free disk space.</source>
        <translation>会话记录无法{action}；请检查磁盘剩余空间。</translation>
    </message>
</context>
<context>
    <name>keyring.delete_failed</name>
    <message>
        <location filename="../../store/texts.py" line="18"/>
        <source>The system keyring could not delete the key; unlock it and try again.</source>
        <translation>系统密钥环无法删除该密钥；请解锁密钥环后重试。</translation>
    </message>
</context>
<context>
    <name>keyring.read_failed</name>
    <message>
        <location filename="../../store/texts.py" line="14"/>
        <source>The system keyring could not be read; unlock it and try again.</source>
        <translation>无法读取系统密钥环；请解锁密钥环后重试。</translation>
    </message>
</context>
<context>
    <name>keyring.unavailable</name>
    <message>
        <location filename="../../store/texts.py" line="9"/>
        <source>No keyring is available on this system to store the API key safely; set the {variable} environment variable instead.</source>
        <translation>此系统上没有可用于安全保存 API 密钥的密钥环；请改为设置环境变量 {variable}。</translation>
    </message>
</context>
<context>
    <name>keyring.write_failed</name>
    <message>
        <location filename="../../store/texts.py" line="15"/>
        <source>The system keyring did not accept the key; unlock it and try again.</source>
        <translation>系统密钥环未能保存该密钥；请解锁密钥环后重试。</translation>
    </message>
</context>
<context>
    <name>list.none</name>
    <message>
        <location filename="../../protocol/texts.py" line="49"/>
        <source>none</source>
        <extracomment>What a list of voices says when it is empty.</extracomment>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>network.connect_failed</name>
    <message>
        <location filename="../../transport/texts.py" line="83"/>
        <source>Connecting to {host} failed unexpectedly; trying again may help.</source>
        <translation>连接 {host} 时意外失败；重试也许可以解决。</translation>
    </message>
</context>
<context>
    <name>network.connection_dropped</name>
    <message>
        <location filename="../../transport/texts.py" line="84"/>
        <source>The connection to the translation service dropped.</source>
        <translation>与翻译服务的连接已中断。</translation>
    </message>
</context>
<context>
    <name>network.gave_up</name>
    <message>
        <location filename="../../transport/texts.py" line="93"/>
        <source>Gave up after {tries} tries over {seconds:.0f} s: {reason}</source>
        <extracomment>The final word when reconnecting stops: ``{reason}`` is the last failure&apos;s sentence (without its retry advice).</extracomment>
        <translation>在 {seconds:.0f} 秒内尝试 {tries} 次后放弃：{reason}</translation>
    </message>
</context>
<context>
    <name>network.internal_error</name>
    <message>
        <location filename="../../transport/texts.py" line="86"/>
        <source>The live session stopped because of an internal error; start it again.</source>
        <translation>同传会话因内部错误而停止；请重新开始。</translation>
    </message>
</context>
<context>
    <name>network.not_the_service</name>
    <message>
        <location filename="../../transport/texts.py" line="52"/>
        <source>Something other than the translation service answered (HTTP {status}); check the network, proxy or service address.</source>
        <translation>响应的不是翻译服务（HTTP {status}）；请检查网络、代理或服务地址。</translation>
    </message>
</context>
<context>
    <name>network.session_not_started</name>
    <message>
        <location filename="../../transport/texts.py" line="94"/>
        <source>The service accepted the connection but did not start the session within {seconds:.0f} s; trying again may help.</source>
        <translation>服务已接受连接，但未在 {seconds:.0f} 秒内开始会话；重试也许可以解决。</translation>
    </message>
</context>
<context>
    <name>network.stalled</name>
    <message>
        <location filename="../../transport/texts.py" line="87"/>
        <source>The translation service stopped answering (no reply to speech for {seconds:.0f} s); reconnecting and sending the unanswered speech again.</source>
        <translation>翻译服务已停止响应（语音 {seconds:.0f} 秒未得到回复）；正在重新连接并重新发送未得到回复的语音。</translation>
    </message>
</context>
<context>
    <name>network.stopped_before_start</name>
    <message>
        <location filename="../../transport/texts.py" line="85"/>
        <source>The live session was stopped before it started.</source>
        <translation>同传会话在开始前就已停止。</translation>
    </message>
</context>
<context>
    <name>network.timeout</name>
    <message>
        <location filename="../../transport/texts.py" line="62"/>
        <source>The translation service at {host} did not answer in time; check the internet connection.</source>
        <translation>位于 {host} 的翻译服务未能及时响应；请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>network.unreachable</name>
    <message>
        <location filename="../../transport/texts.py" line="80"/>
        <source>Cannot reach the translation service at {host}; check the internet connection.</source>
        <translation>无法连接位于 {host} 的翻译服务；请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>network.upgrade_failed</name>
    <message>
        <location filename="../../transport/texts.py" line="76"/>
        <source>The connection to {host} could not be upgraded to a live session; check the proxy or service address.</source>
        <translation>与 {host} 的连接无法升级为同传会话；请检查代理或服务地址。</translation>
    </message>
</context>
<context>
    <name>preview.sample_missing</name>
    <message>
        <location filename="../../services/texts.py" line="28"/>
        <source>The built-in preview sentence is missing; reinstall the app.</source>
        <translation>内置的试听语句缺失；请重新安装应用。</translation>
    </message>
</context>
<context>
    <name>preview.sample_wrong_format</name>
    <message>
        <location filename="../../services/texts.py" line="25"/>
        <source>The built-in preview sentence has the wrong format; reinstall the app.</source>
        <translation>内置的试听语句格式有误；请重新安装应用。</translation>
    </message>
</context>
<context>
    <name>preview.timeout</name>
    <message>
        <location filename="../../services/texts.py" line="29"/>
        <source>The voice preview took too long; check the connection and try again.</source>
        <translation>音色试听耗时过长；请检查网络连接后重试。</translation>
    </message>
</context>
<context>
    <name>preview.wrong_rate</name>
    <message>
        <location filename="../../services/texts.py" line="30"/>
        <source>The preview audio is {rate} Hz; the player expects {expected} Hz.</source>
        <translation>试听音频为 {rate} Hz，而播放器需要 {expected} Hz。</translation>
    </message>
</context>
<context>
    <name>protocol.undecodable_audio</name>
    <message>
        <location filename="../../protocol/texts.py" line="78"/>
        <source>The translation service sent audio this version cannot decode.</source>
        <translation>翻译服务发送了此版本无法解码的音频。</translation>
    </message>
</context>
<context>
    <name>protocol.unreadable_message</name>
    <message>
        <location filename="../../protocol/texts.py" line="75"/>
        <source>The translation service sent a message this version cannot read.</source>
        <translation>翻译服务发送了此版本无法读取的消息。</translation>
    </message>
</context>
<context>
    <name>quota.busy_or_used_up</name>
    <message>
        <location filename="../../protocol/texts.py" line="67"/>
        <source>The service is busy or the quota is used up: {reason}</source>
        <translation>服务繁忙或配额已用完：{reason}</translation>
    </message>
</context>
<context>
    <name>rate_limit.limited</name>
    <message>
        <location filename="../../transport/texts.py" line="40"/>
        <source>The service is limiting requests for this account (too many sessions or tokens per minute).</source>
        <extracomment>The rate-limit sentence without a promise to retry (the connection&apos;s status says when, and whether, it retries).</extracomment>
        <translation>服务正在限制此账号的请求（每分钟的会话数或 token 数过多）。</translation>
    </message>
</context>
<context>
    <name>rate_limit.retry_in</name>
    <message>
        <location filename="../../transport/texts.py" line="30"/>
        <source>The service is limiting requests for this account (too many sessions or tokens per minute). Trying again in {seconds:.0f} s.</source>
        <translation>服务正在限制此账号的请求（每分钟的会话数或 token 数过多）。将在 {seconds:.0f} 秒后重试。</translation>
    </message>
</context>
<context>
    <name>rate_limit.retry_soon</name>
    <message>
        <location filename="../../transport/texts.py" line="35"/>
        <source>The service is limiting requests for this account (too many sessions or tokens per minute). Trying again shortly.</source>
        <translation>服务正在限制此账号的请求（每分钟的会话数或 token 数过多）。稍后将自动重试。</translation>
    </message>
</context>
<context>
    <name>region.beijing</name>
    <message>
        <location filename="../../transport/texts.py" line="10"/>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
</context>
<context>
    <name>region.beijing_mainland</name>
    <message>
        <location filename="../../services/texts.py" line="45"/>
        <source>Beijing (China mainland)</source>
        <translation>北京（中国内地）</translation>
    </message>
</context>
<context>
    <name>region.in_parentheses</name>
    <message>
        <location filename="../../transport/texts.py" line="12"/>
        <source> ({region})</source>
        <extracomment>&quot; (Singapore)&quot; after &quot;the service&quot;: where a request went, when that is worth saying.</extracomment>
        <translation>（{region}）</translation>
    </message>
</context>
<context>
    <name>region.singapore</name>
    <message>
        <location filename="../../transport/texts.py" line="9"/>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
</context>
<context>
    <name>region.singapore_international</name>
    <message>
        <location filename="../../services/texts.py" line="44"/>
        <source>Singapore (international)</source>
        <extracomment>How the API key dialog names a region (longer than transport&apos;s &quot;Singapore&quot;: the user is choosing one).</extracomment>
        <translation>新加坡（国际）</translation>
    </message>
</context>
<context>
    <name>service.closed_internal_problem</name>
    <message>
        <location filename="../../transport/texts.py" line="72"/>
        <source>The translation service had an internal problem and closed the connection; reconnecting.</source>
        <translation>翻译服务出现内部问题并关闭了连接；正在重新连接。</translation>
    </message>
</context>
<context>
    <name>service.closed_refused</name>
    <message>
        <location filename="../../transport/texts.py" line="67"/>
        <source>The translation service closed the session because it refused what was sent; start it again, and report this if it repeats.</source>
        <translation>翻译服务拒绝了发送的内容并关闭了会话；请重新开始，如果反复出现请报告此问题。</translation>
    </message>
</context>
<context>
    <name>service.connection_refused_http</name>
    <message>
        <location filename="../../transport/texts.py" line="48"/>
        <source>The service refused the connection (HTTP {status}); check the model and the service address.</source>
        <translation>服务拒绝了连接（HTTP {status}）；请检查模型和服务地址。</translation>
    </message>
</context>
<context>
    <name>service.internal_error</name>
    <message>
        <location filename="../../protocol/texts.py" line="68"/>
        <source>The translation service had an internal error: {reason}</source>
        <translation>翻译服务发生内部错误：{reason}</translation>
    </message>
</context>
<context>
    <name>service.internal_problem_http</name>
    <message>
        <location filename="../../transport/texts.py" line="44"/>
        <source>The translation service had an internal problem (HTTP {status}); trying again usually helps.</source>
        <translation>翻译服务出现内部问题（HTTP {status}）；通常重试即可。</translation>
    </message>
</context>
<context>
    <name>service.no_reason</name>
    <message>
        <location filename="../../protocol/texts.py" line="72"/>
        <source>no reason given</source>
        <extracomment>``{reason}`` when the service gave none.</extracomment>
        <translation>未说明原因</translation>
    </message>
</context>
<context>
    <name>service.rejected_request</name>
    <message>
        <location filename="../../protocol/texts.py" line="70"/>
        <source>The translation service rejected a request: {reason}</source>
        <translation>翻译服务拒绝了一个请求：{reason}</translation>
    </message>
</context>
<context>
    <name>service.rejected_settings</name>
    <message>
        <location filename="../../protocol/texts.py" line="69"/>
        <source>The translation service rejected the session settings: {reason}</source>
        <translation>翻译服务拒绝了会话设置：{reason}</translation>
    </message>
</context>
<context>
    <name>session.internal_error</name>
    <message>
        <location filename="../../services/texts.py" line="75"/>
        <source>The live session stopped because of an internal error (details are in the log); you can start again.</source>
        <translation>同传会话因内部错误而停止（详情见日志）；可以重新开始。</translation>
    </message>
</context>
<context>
    <name>settings.backup_failed</name>
    <message>
        <location filename="../../store/texts.py" line="33"/>
        <source>Cannot keep a copy of {file} before saving settings; check folder permissions.</source>
        <translation>保存设置前无法备份 {file}；请检查文件夹权限。</translation>
    </message>
</context>
<context>
    <name>settings.invalid_value_reset</name>
    <message>
        <location filename="../../store/texts.py" line="25"/>
        <source>The setting “{name}” had an invalid value and was reset to its default.</source>
        <translation>设置项“{name}”的值无效，已恢复为默认值。</translation>
    </message>
</context>
<context>
    <name>settings.key_like_value</name>
    <message>
        <location filename="../../store/texts.py" line="36"/>
        <source>A setting looks like an API key; keys are stored in the system keyring, not in the settings file.</source>
        <translation>有一项设置看起来像 API 密钥；密钥应保存在系统密钥环中，而不是设置文件里。</translation>
    </message>
</context>
<context>
    <name>settings.newer_version</name>
    <message>
        <location filename="../../store/texts.py" line="28"/>
        <source>Your settings were saved by a newer version of Live Interpreter; settings this version does not know are kept, and a copy of the original file is saved on the next change.</source>
        <translation>您的设置是由更新版本的同声传译保存的；此版本不认识的设置会被保留，原文件的副本将在下次更改时保存。</translation>
    </message>
</context>
<context>
    <name>settings.pricing_ignored</name>
    <message>
        <location filename="../../store/texts.py" line="40"/>
        <source>Your price overrides in {file} could not be used ({reason}); the built-in estimates are shown instead.</source>
        <translation>无法使用 {file} 中的自定义价格（{reason}）；现显示内置的估算价格。</translation>
    </message>
</context>
<context>
    <name>voice.clone_needs_id</name>
    <message>
        <location filename="../../protocol/texts.py" line="41"/>
        <source>Voice cloning &apos;never&apos; uses a voice you cloned earlier: enter its voice id (got {got}; preset voices and &apos;{default}&apos; do not count).</source>
        <translation>使用之前克隆的音色时，需要填写其音色 ID（当前：{got}；预置音色和“{default}”均不算）。</translation>
    </message>
</context>
<context>
    <name>voice.clone_needs_own_voice</name>
    <message>
        <location filename="../../protocol/texts.py" line="37"/>
        <source>Voice cloning &apos;{mode}&apos; speaks in the speaker&apos;s own voice, so the voice must be &apos;{default}&apos;, not &apos;{voice}&apos;.</source>
        <translation>声音克隆“{mode}”使用说话人自己的声音，因此音色必须是“{default}”，而不是“{voice}”。</translation>
    </message>
</context>
<context>
    <name>voice.clone_off_without_audio</name>
    <message>
        <location filename="../../protocol/texts.py" line="58"/>
        <source>Voice cloning is off because this session produces no translated voice.</source>
        <translation>由于本次会话不产生译文语音，声音克隆已关闭。</translation>
    </message>
</context>
<context>
    <name>voice.does_not_speak</name>
    <message>
        <location filename="../../protocol/texts.py" line="52"/>
        <source>The voice {voice} does not speak {language}; choose one that does: {voices}.</source>
        <translation>音色 {voice} 不会说{language}；请选择会说该语言的音色：{voices}。</translation>
    </message>
</context>
<context>
    <name>voice.none_speaks</name>
    <message>
        <location filename="../../protocol/texts.py" line="50"/>
        <source>No voice of {model} speaks {language}; turn voice output off.</source>
        <translation>{model} 没有会说{language}的音色；请关闭语音输出。</translation>
    </message>
</context>
<context>
    <name>voice.nothing_entered</name>
    <message>
        <location filename="../../protocol/texts.py" line="47"/>
        <source>nothing</source>
        <extracomment>What ``{got}`` says when no voice id was entered.</extracomment>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>voice.text_only</name>
    <message>
        <location filename="../../protocol/texts.py" line="55"/>
        <source>{model} cannot speak {language}, so this session shows the translation as text only.</source>
        <translation>{model} 无法朗读{language}，因此本次会话仅以文字显示译文。</translation>
    </message>
</context>
<context>
    <name>voice.unknown</name>
    <message>
        <location filename="../../protocol/texts.py" line="51"/>
        <source>&apos;{voice}&apos; is not a voice of {model}; voices that speak {language}: {voices}.</source>
        <translation>“{voice}”不是 {model} 的音色；会说{language}的音色有：{voices}。</translation>
    </message>
</context>
</TS>
