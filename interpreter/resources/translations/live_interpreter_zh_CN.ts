<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="38"/>
        <source>About Live Interpreter</source>
        <extracomment>Icon size in the dialog (px): large enough to recognise, small beside two lines of title text.</extracomment>
        <translation>关于同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="42"/>
        <source>Live Interpreter {version}</source>
        <translation>同声传译 {version}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="45"/>
        <source>Live speech interpretation with Alibaba Cloud Model Studio.</source>
        <translation>基于阿里云百炼的实时语音同声传译。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="54"/>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="55"/>
        <source>{qt} (PySide6 {pyside})</source>
        <translation>{qt}（PySide6 {pyside}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="56"/>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="58"/>
        <source>Libraries:</source>
        <translation>依赖库：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="60"/>
        <source>Log folder:</source>
        <translation>日志文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="63"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="64"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="66"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
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
    <name>CompareGraphicsView</name>
    <message>
        <location filename="../../ui/image_compare.py" line="166"/>
        <source>Before</source>
        <extracomment>Zoom limits: 5 % shows an 8192 px scan whole on a small screen; 3200 % shows single pixels of a thumbnail. One wheel notch (120 units) zooms by this factor: 15 % feels continuous without needing many turns. How near (px on screen) the pointer must be to the split line to grab it instead of panning. Split slider resolution: 1000 steps give sub-pixel placement on a 1000 px wide view.</extracomment>
        <translation>原图</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="168"/>
        <source>After</source>
        <translation>译图</translation>
    </message>
</context>
<context>
    <name>DocumentQueue</name>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="57"/>
        <source>File</source>
        <extracomment>Column headers (English; translated in the &quot;DocumentQueue&quot; context, marked for lupdate).</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="58"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="60"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="61"/>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="62"/>
        <source>Output</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="67"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="68"/>
        <source>Translating</source>
        <translation>翻译中</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="69"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="70"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="71"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="72"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="301"/>
        <source>Something went wrong inside the app; it was written to the log.</source>
        <translation>应用内部出错，详情已写入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/documents_vm.py" line="320"/>
        <source>{done} of {total} documents done</source>
        <translation>已完成 {done}/{total} 个文档</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/files_tab.py" line="531"/>
        <source>Bilingual (keep the original above each line)</source>
        <translation>双语（在每行译文上方保留原文）</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="534"/>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="537"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="543"/>
        <source>Add documents…</source>
        <translation>添加文档…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="544"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="546"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="547"/>
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="548"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="549"/>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="571"/>
        <source>Drop .srt, .vtt, .ass, .ssa, .txt or .md files here.</source>
        <translation>将 .srt、.vtt、.ass、.ssa、.txt 或 .md 文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="613"/>
        <source>Select a document in the list to open its output folder.</source>
        <translation>请在列表中选择一个文档以打开其输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="633"/>
        <source>Add subtitle or text documents</source>
        <translation>添加字幕或文本文档</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="635"/>
        <source>Subtitles and documents (*.srt *.vtt *.ass *.ssa *.txt *.md);;All files (*)</source>
        <translation>字幕和文档 (*.srt *.vtt *.ass *.ssa *.txt *.md);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilesQueue</name>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="100"/>
        <source>File</source>
        <extracomment>The catalog lists languages and voices under the realtime twin of the file model (catalog.json &quot;file_models&quot;: &quot;languages_from&quot;). Item data role carrying a row&apos;s progress as an int 0–100 (the progress-bar delegate paints it). Item data role carrying a row&apos;s job id. Item data role carrying a row&apos;s job state value (&quot;queued&quot;, &quot;running&quot;, ...; &quot;interrupted&quot; for a job left running). Column headers (English source texts, translated through context &quot;FilesQueue&quot;).</extracomment>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="101"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="102"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="103"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="104"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="105"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="106"/>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="107"/>
        <source>Cost</source>
        <translation>实际费用</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="112"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="113"/>
        <source>Running</source>
        <translation>翻译中</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="114"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="115"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="116"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="117"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="250"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="255"/>
        <source>Text only</source>
        <translation>仅文本</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="256"/>
        <source>Voice: {voice}</source>
        <translation>音色：{voice}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="261"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="263"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="533"/>
        <source>Something went wrong inside the app; it was written to the log.</source>
        <translation>应用内部出错，详情已写入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="550"/>
        <source>{name} was already translated with these settings: reusing that translation (no charge).</source>
        <translation>{name} 已用相同设置翻译过：直接使用之前的译文（不再收费）。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="614"/>
        <source>{done} of {total} files done · estimate {estimate} · spent {spent}</source>
        <translation>已完成 {done}/{total} 个文件 · 预估 {estimate} · 已花费 {spent}</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <location filename="../../ui/files_tab.py" line="123"/>
        <source>Demo — files are translated by the built-in emulator (not real translation).</source>
        <extracomment>Width (px) of the progress column: wide enough for a readable bar with &quot;100 %&quot; inside. Minimum width (px) of the file-name column before it is elided.</extracomment>
        <translation>演示模式 — 文件由内置模拟器处理（并非真实翻译）。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="170"/>
        <source>Options for files you add</source>
        <translation>新添加文件的选项</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="178"/>
        <source>Text only (no translated speech)</source>
        <translation>仅文本（不生成译音）</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="187"/>
        <source>Next to each file</source>
        <translation>保存在原文件旁</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="188"/>
        <source>In this folder:</source>
        <translation>保存到此文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="194"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="195"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="203"/>
        <source>Segments translated at the same time (within the service&apos;s limits)</source>
        <translation>同时翻译的片段数（不超过服务的限额）</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="205"/>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="207"/>
        <source>From</source>
        <translation>源语言</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="209"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="212"/>
        <source>Write</source>
        <translation>输出格式</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="214"/>
        <source>At once</source>
        <translation>并发数</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="216"/>
        <source>Save</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="224"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="225"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="226"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="228"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="229"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="230"/>
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="231"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="232"/>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="233"/>
        <source>Play result</source>
        <translation>播放结果</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="274"/>
        <source>Drop audio or video files or folders here, or use Add files…</source>
        <translation>将音频、视频文件或文件夹拖到这里，或点击“添加文件…”</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="289"/>
        <source>No files yet.</source>
        <translation>还没有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="315"/>
        <source>text only</source>
        <translation>仅文本</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="322"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="389"/>
        <source>Choose at least one output to write.</source>
        <translation>请至少选择一种输出格式。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="397"/>
        <source>Folder for the translations</source>
        <translation>译文保存文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="444"/>
        <source>Select a file in the list to open its output folder.</source>
        <translation>请先在列表中选择一个文件，再打开其输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="453"/>
        <source>Select a translated file with speech to play its result.</source>
        <translation>请选择一个已完成且带译音的文件来播放结果。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="461"/>
        <source>Add audio or video files</source>
        <translation>添加音频或视频文件</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="464"/>
        <source>Audio and video (*.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus *.wma *.amr *.mp4 *.mkv *.mov *.webm);;All files (*)</source>
        <translation>音频和视频 (*.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus *.wma *.amr *.mp4 *.mkv *.mov *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="472"/>
        <source>Add a folder of audio or video files</source>
        <translation>添加包含音频或视频文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="142"/>
        <source>Audio and video</source>
        <translation>音频和视频</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="147"/>
        <source>Subtitles and documents</source>
        <translation>字幕和文档</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="151"/>
        <source>Paste text</source>
        <translation>粘贴文本</translation>
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
        <location filename="../../ui/history.py" line="61"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="63"/>
        <source> (interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="64"/>
        <source>{when}  {languages}  {duration}  {count} segments{state}</source>
        <translation>{when}  {languages}  {duration}  {count} 段{state}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="71"/>
        <source>The last session ({when}, {count} segments) was interrupted. Everything up to then was saved; export it now?</source>
        <translation>上次会话（{when}，{count} 段）意外中断。中断前的内容均已保存；现在导出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="82"/>
        <source>Export session to folder</source>
        <translation>将会话导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="92"/>
        <source>Exported {names} to {folder}</source>
        <translation>已将 {names} 导出到 {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="105"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="185"/>
        <source>Translated transcript written to {path}</source>
        <translation>译文字幕已写入 {path}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history.py" line="119"/>
        <source>Session history</source>
        <translation>会话历史</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="127"/>
        <source>No sessions yet. Every live session is saved here automatically.</source>
        <translation>还没有会话。每次同传会话都会自动保存在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="130"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="138"/>
        <source>Translate transcript…</source>
        <translation>翻译转写稿…</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="174"/>
        <source>Translate transcript</source>
        <translation>翻译转写稿</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="174"/>
        <source>Translate the transcript into:</source>
        <translation>将转写稿翻译为：</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="178"/>
        <source>Folder for the translated transcript</source>
        <translation>译文转写稿的保存文件夹</translation>
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
    <name>ImageCompareView</name>
    <message>
        <location filename="../../ui/image_compare.py" line="243"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="244"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="249"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="250"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="253"/>
        <source>Blend</source>
        <translation>叠加</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="254"/>
        <source>Show the translated picture over the original, half transparent</source>
        <translation>将译图以半透明方式叠加在原图上显示</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="260"/>
        <source>Opacity of the translated picture</source>
        <translation>译图的不透明度</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="261"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="262"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="263"/>
        <source>Copy the translated picture to the clipboard</source>
        <translation>将译图复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="264"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="268"/>
        <source>Move the line between the original (left) and the translation (right)</source>
        <translation>移动原图（左）与译图（右）之间的分割线</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="269"/>
        <source>Select a translated picture to compare it with the original.</source>
        <translation>选择一张已翻译的图片，与原图进行对比。</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="331"/>
        <source>The picture {name} cannot be shown.</source>
        <translation>无法显示图片 {name}。</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="395"/>
        <source>Save the translated picture</source>
        <translation>保存译图</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="395"/>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="404"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/image_compare.py" line="405"/>
        <source>Cannot save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>ImagesTab</name>
    <message>
        <location filename="../../ui/images_tab.py" line="52"/>
        <source>Add images…</source>
        <extracomment>Starting width of the queue pane: a file name, &quot;8192×8192 px&quot;, a status and a readable share of a note.</extracomment>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="53"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="54"/>
        <source>Add the picture on the clipboard (Ctrl+V)</source>
        <translation>添加剪贴板中的图片 (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="55"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="56"/>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="68"/>
        <source>Drop screenshots, photos or scans here, or use Add images… / Paste.</source>
        <translation>将截图、照片或扫描件拖到这里，或使用“添加图片…”/“粘贴”。</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="80"/>
        <source>In English, e.g. Product photos from an online shop</source>
        <translation>用英文填写，例如 Product photos from an online shop</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="82"/>
        <source>Words to leave out, separated by commas</source>
        <translation>不翻译的词语，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="83"/>
        <source>Use the glossary&apos;s terms</source>
        <translation>使用术语表中的术语</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="84"/>
        <source>Leave text on products, people and logos untranslated</source>
        <translation>不翻译商品、人物和标志上的文字</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="88"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="90"/>
        <source>From</source>
        <translation>源语言</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="91"/>
        <source>To</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="92"/>
        <source>Domain hint</source>
        <translation>领域提示</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="93"/>
        <source>Do not translate</source>
        <translation>不翻译</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="100"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="102"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="103"/>
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="173"/>
        <source>The clipboard holds no picture; copy one first.</source>
        <translation>剪贴板中没有图片；请先复制一张。</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="179"/>
        <source>Choose pictures to translate</source>
        <translation>选择要翻译的图片</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="247"/>
        <source>saved as {name}</source>
        <translation>已保存为 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/images_tab.py" line="286"/>
        <source>{name} is not translated yet; the comparison appears when it is done.</source>
        <translation>{name} 尚未翻译完成；完成后将显示对比。</translation>
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
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Not available yet.</source>
        <extracomment>Default window size (px): room for the controls row and ~8 caption pairs on a 1366x768 laptop.</extracomment>
        <translation>暂不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Translate recordings, videos and subtitle files, with a queue, progress and a cost estimate.</source>
        <translation>翻译录音、视频和字幕文件，支持队列、进度显示和费用估算。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Translate the text in screenshots, scans and product images, keeping the layout.</source>
        <translation>翻译截图、扫描件和商品图片中的文字，并保留原有版式。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>OCR</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Read text from images and the screen, then translate it.</source>
        <translation>识别图片和屏幕上的文字，然后进行翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>&amp;Live</source>
        <translation>同传(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;Files</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Images</source>
        <translation>图片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;OCR</source>
        <translation>文字识别(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Demo — not real translation. Output comes from the built-in emulator.</source>
        <translation>演示模式——并非真实翻译。输出来自内置模拟器。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Latency {s:.1f} s</source>
        <translation>延迟 {s:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Live Interpreter</source>
        <translation>同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source> — Demo</source>
        <translation> — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>Not opened: {names}. Live Interpreter opens audio, video, subtitle, text and image files.</source>
        <translation>未打开：{names}。同声传译可以打开音频、视频、字幕、文本和图片文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Finishing the session before closing…</source>
        <translation>正在结束会话，随后关闭…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Latency —</source>
        <translation>延迟 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>From the end of speech to its final translation, last segment</source>
        <translation>最近一段从讲话结束到最终译文出现的时间</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Session duration</source>
        <translation>会话时长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Cost —</source>
        <translation>费用 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Estimated cost of this session (the service&apos;s bill is authoritative)</source>
        <translation>本次会话的估算费用（以服务商账单为准）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Demo — not real translation</source>
        <translation>演示模式——并非真实翻译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>&amp;Open files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Session &amp;history…</source>
        <translation>会话历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>&amp;Export this session…</source>
        <translation>导出本次会话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>&amp;Start / Stop</source>
        <translation>开始 / 停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>&amp;Presentation window</source>
        <translation>演示窗口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>&amp;Clear captions</source>
        <translation>清除字幕(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Show &amp;source text</source>
        <translation>显示原文(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>&amp;Jump to live captions</source>
        <translation>跳到最新字幕(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>&amp;API key…</source>
        <translation>API 密钥(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="306"/>
        <source>&amp;Voices…</source>
        <translation>音色(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>&amp;Hotwords…</source>
        <translation>热词(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>&amp;Welcome guide…</source>
        <translation>欢迎向导(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>&amp;About Live Interpreter</source>
        <translation>关于同声传译(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Open files to translate</source>
        <translation>打开要翻译的文件</translation>
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
    <name>OcrImageView</name>
    <message>
        <location filename="../../ui/ocr_tab.py" line="103"/>
        <source>Drop an image here, paste (Ctrl+V) or snip a screen region</source>
        <extracomment>Notice colours by level (readable on the light and dark themes&apos; window colours).</extracomment>
        <translation>将图片拖到这里、粘贴 (Ctrl+V)，或截取屏幕区域</translation>
    </message>
</context>
<context>
    <name>OcrTab</name>
    <message>
        <location filename="../../ui/ocr_tab.py" line="219"/>
        <source>Open image…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="220"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="221"/>
        <source>Snip screen region</source>
        <translation>截取屏幕区域</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="222"/>
        <source>Repeat last region</source>
        <translation>重复上次区域</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="230"/>
        <source>Model snapshot (the 2024-10-28 snapshot has no built-in tasks)</source>
        <translation>模型快照（2024-10-28 快照没有内置任务）</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="231"/>
        <source>Auto-rotate</source>
        <translation>自动旋转</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="236"/>
        <source>Pixel range: more pixels read smaller print and cost more tokens</source>
        <translation>像素范围：像素越多，越能识别小字，但消耗的 token 也越多</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="239"/>
        <source>Read text</source>
        <translation>识别文字</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="247"/>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="249"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="252"/>
        <source>Detail:</source>
        <translation>精细度：</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="271"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="272"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="289"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="290"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="291"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="292"/>
        <source>LaTeX</source>
        <translation>LaTeX</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="293"/>
        <source>Key information</source>
        <translation>关键信息</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="294"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="296"/>
        <location filename="../../ui/ocr_tab.py" line="324"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="297"/>
        <location filename="../../ui/ocr_tab.py" line="325"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="314"/>
        <source>No glossary</source>
        <translation>不使用术语表</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="317"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="330"/>
        <source>Into:</source>
        <translation>翻译成：</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="420"/>
        <source>Open an image</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="456"/>
        <source>This snapshot reads by prompt only; it cannot straighten rotated text.</source>
        <translation>此快照只按提示词识别，无法摆正旋转的文字。</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="489"/>
        <location filename="../../ui/ocr_tab.py" line="490"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="491"/>
        <location filename="../../ui/ocr_tab.py" line="507"/>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="542"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="545"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>OcrViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="284"/>
        <source>Give the schema a name first.</source>
        <extracomment>Pixel ranges offered, with why: fewer pixels cost fewer tokens; small print needs more. The smallest side the service reads (spec §2.1: more than 10 px).</extracomment>
        <translation>请先为该结构命名。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="292"/>
        <source>Schema “{name}” saved.</source>
        <translation>结构“{name}”已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="315"/>
        <source>The clipboard has no image: copy a screenshot or picture first, then paste.</source>
        <translation>剪贴板中没有图片：请先复制截图或图片，再粘贴。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="318"/>
        <source>Clipboard image</source>
        <translation>剪贴板图片</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="327"/>
        <source>The selection is only {w}×{h} px; drag over a larger area (at least {m}×{m} px) to read it.</source>
        <translation>所选区域只有 {w}×{h} 像素；请拖选更大的区域（至少 {m}×{m} 像素）再识别。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="338"/>
        <source>Screen region</source>
        <translation>屏幕区域</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="372"/>
        <source> in {n} pieces</source>
        <translation>，分 {n} 块</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="374"/>
        <source>{w}×{h} px · about {t} image tokens{pieces}</source>
        <translation>{w}×{h} 像素 · 约 {t} 个图像 token{pieces}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="390"/>
        <source>Choose an image first: open a file, paste, or snip a screen region.</source>
        <translation>请先选择图片：打开文件、粘贴，或截取屏幕区域。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="423"/>
        <source>There is no recognised text to translate yet.</source>
        <translation>还没有可翻译的识别文字。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="479"/>
        <source>There is nothing to export yet.</source>
        <translation>还没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="488"/>
        <source>Cannot write {path} ({why}); choose another place.</source>
        <translation>无法写入 {path}（{why}）；请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="494"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/ocr_vm.py" line="517"/>
        <source>That history entry is gone.</source>
        <translation>该历史记录已不存在。</translation>
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
    <name>SchemaEditor</name>
    <message>
        <location filename="../../ui/ocr_tab.py" line="151"/>
        <source>Key information fields</source>
        <translation>关键信息字段</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="155"/>
        <source>Saved schemas</source>
        <translation>已保存的结构</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="160"/>
        <source>Schema name</source>
        <translation>结构名称</translation>
    </message>
    <message>
        <location filename="../../ui/ocr_tab.py" line="162"/>
        <source>Save schema</source>
        <translation>保存结构</translation>
    </message>
</context>
<context>
    <name>ScreenSnipper</name>
    <message>
        <location filename="../../ui/snip_overlay.py" line="311"/>
        <source>The desktop&apos;s screenshot could not be read; paste a screenshot instead.</source>
        <translation>无法读取桌面截图；请改为粘贴截图。</translation>
    </message>
    <message>
        <location filename="../../ui/snip_overlay.py" line="336"/>
        <source>The screen could not be captured here; paste a screenshot instead.</source>
        <translation>此处无法截取屏幕；请改为粘贴截图。</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app_context.py" line="260"/>
        <source>Your key is saved: new sessions use the real service and are billed.</source>
        <translation>密钥已保存：新的会话将使用真实服务并产生费用。</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="295"/>
        <source>Bundled speech sample</source>
        <translation>内置语音样本</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="302"/>
        <location filename="../../app_context.py" line="305"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="430"/>
        <source>File translations were interrupted when the app last stopped ({count}). Resume them?</source>
        <translation>上次退出时有文件翻译被中断（{count} 个）。要继续吗？</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="435"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="471"/>
        <source>The new language applies the next time you start Live Interpreter.</source>
        <translation>新的界面语言将在下次启动同声传译时生效。</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="488"/>
        <source>There is no session to export yet.</source>
        <translation>还没有可以导出的会话。</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="504"/>
        <source>Recover…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="524"/>
        <source>Something went wrong inside the app; it was written to the log. You can keep working.</source>
        <translation>应用内部出现问题，详情已写入日志。您可以继续使用。</translation>
    </message>
</context>
<context>
    <name>SnipOverlay</name>
    <message>
        <location filename="../../ui/snip_overlay.py" line="178"/>
        <source>Drag over the text to read · Esc cancels</source>
        <extracomment>Hidden windows must leave the screen before the grab. X11 and compositors unmap them within a frame or two but send no event once the screen is repainted, so the grab waits this long (~10 frames at 60 Hz; short enough that the snip still feels immediate). The dimming over the frozen picture outside the selection (alpha out of 255): dark enough to show the selection clearly, light enough to still read the screen.</extracomment>
        <translation>拖选要识别的文字 · 按 Esc 取消</translation>
    </message>
</context>
<context>
    <name>TextPane</name>
    <message>
        <location filename="../../ui/text_pane.py" line="39"/>
        <source>Paste or type the text to translate</source>
        <translation>粘贴或输入要翻译的文本</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="56"/>
        <source>Domain hint in English, e.g. “A medical conference talk.”</source>
        <translation>用英文填写领域提示，例如“A medical conference talk.”</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="59"/>
        <source>No glossary</source>
        <translation>不使用术语表</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="63"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="65"/>
        <source>Copy result</source>
        <translation>复制结果</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="73"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="75"/>
        <source>Translate into</source>
        <translation>翻译成</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="76"/>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="77"/>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="113"/>
        <source>{currency} {input} in / {output} out per million tokens</source>
        <translation>每百万 token：输入 {currency} {input} / 输出 {currency} {output}</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="117"/>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="119"/>
        <source>Quality {quality} · speed {speed} · {languages} languages · {price}</source>
        <translation>质量 {quality} · 速度 {speed} · {languages} 种语言 · {price}</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="129"/>
        <source>There is no text to translate; paste or type some first.</source>
        <translation>没有要翻译的文本；请先粘贴或输入。</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="131"/>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <location filename="../../ui/text_pane.py" line="152"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
</context>
<context>
    <name>TextViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/text_vm.py" line="169"/>
        <source>{tokens} tokens, {cost}</source>
        <translation>{tokens} 个 token，{cost}</translation>
    </message>
</context>
<context>
    <name>TranscriptViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/transcript_vm.py" line="90"/>
        <source>Something went wrong inside the app; it was written to the log.</source>
        <translation>应用内部出错，详情已写入日志。</translation>
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
        <location filename="../../transport/texts.py" line="32"/>
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
        <location filename="../../transport/texts.py" line="26"/>
        <source>The service{where} rejected the API key: check that it is correct and that it was created for this region (keys are region-bound: a Beijing key does not work in Singapore and vice versa).</source>
        <translation>服务{where}拒绝了 API 密钥：请检查密钥是否正确，以及是否是在该地域创建的（密钥与地域绑定：北京地域的密钥不能在新加坡地域使用，反之亦然）。</translation>
    </message>
</context>
<context>
    <name>auth.no_key</name>
    <message>
        <location filename="../../transport/texts.py" line="31"/>
        <source>No API key is set: add one in Settings or set DASHSCOPE_API_KEY.</source>
        <translation>尚未设置 API 密钥：请在“设置”中添加，或设置环境变量 DASHSCOPE_API_KEY。</translation>
    </message>
</context>
<context>
    <name>auth.no_key_for_address</name>
    <message>
        <location filename="../../services/texts.py" line="126"/>
        <source>No API key for {address}; pass --api-key or set DASHSCOPE_API_KEY.</source>
        <translation>没有用于 {address} 的 API 密钥；请传入 --api-key 或设置 DASHSCOPE_API_KEY。</translation>
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
    <name>config.address_not_http</name>
    <message>
        <location filename="../../transport/texts.py" line="151"/>
        <source>The service address {address} cannot be used for HTTP.</source>
        <translation>服务地址 {address} 不能用于 HTTP。</translation>
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
    <name>config.gummy.no_target</name>
    <message>
        <location filename="../../protocol/texts.py" line="106"/>
        <source>Gummy needs one target language to translate into.</source>
        <translation>Gummy 需要一个要翻译成的目标语言。</translation>
    </message>
</context>
<context>
    <name>config.gummy.pair_unsupported</name>
    <message>
        <location filename="../../protocol/texts.py" line="111"/>
        <source>Gummy does not translate {source} into {target}; choose another target language.</source>
        <translation>Gummy 不支持将 {source} 翻译为 {target}；请选择其他目标语言。</translation>
    </message>
</context>
<context>
    <name>config.gummy.sample_rate</name>
    <message>
        <location filename="../../protocol/texts.py" line="119"/>
        <source>Gummy needs audio at {minimum} Hz or more; {rate} Hz was given.</source>
        <translation>Gummy 需要 {minimum} Hz 或更高采样率的音频；当前为 {rate} Hz。</translation>
    </message>
</context>
<context>
    <name>config.gummy.source_unsupported</name>
    <message>
        <location filename="../../protocol/texts.py" line="107"/>
        <source>Gummy cannot recognise speech in {source}; choose another source language or automatic.</source>
        <translation>Gummy 无法识别 {source} 语音；请选择其他源语言或“自动检测”。</translation>
    </message>
</context>
<context>
    <name>config.gummy.target_unsupported</name>
    <message>
        <location filename="../../protocol/texts.py" line="115"/>
        <source>Gummy does not translate any language into {target}; choose another target language.</source>
        <translation>Gummy 无法将任何语言翻译为 {target}；请选择其他目标语言。</translation>
    </message>
</context>
<context>
    <name>config.gummy.unknown_model</name>
    <message>
        <location filename="../../protocol/texts.py" line="105"/>
        <source>{model} is not a Gummy model; use gummy-realtime-v1.</source>
        <translation>{model} 不是 Gummy 模型；请使用 gummy-realtime-v1。</translation>
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
        <location filename="../../transport/texts.py" line="122"/>
        <source>The service address {address} is not a valid http(s):// or ws(s):// URL.</source>
        <translation>服务地址 {address} 不是有效的 http(s):// 或 ws(s):// 网址。</translation>
    </message>
</context>
<context>
    <name>config.invalid_websocket_url</name>
    <message>
        <location filename="../../transport/texts.py" line="80"/>
        <source>The service address for {host} is not a valid WebSocket URL.</source>
        <translation>{host} 的服务地址不是有效的 WebSocket 网址。</translation>
    </message>
</context>
<context>
    <name>config.model_not_available</name>
    <message>
        <location filename="../../transport/texts.py" line="37"/>
        <source>The model {model} is not available at this service address{where}; choose another model or region.</source>
        <translation>此服务地址{where}不提供模型 {model}；请选择其他模型或地域。</translation>
    </message>
</context>
<context>
    <name>config.model_unknown</name>
    <message>
        <location filename="../../services/texts.py" line="78"/>
        <source>The model {model} is not known to this version of the app.</source>
        <translation>此版本的应用不认识模型 {model}。</translation>
    </message>
</context>
<context>
    <name>config.mt.already_in_target</name>
    <message>
        <location filename="../../core/texts.py" line="58"/>
        <source>The text is already in {language}; choose a different target language.</source>
        <translation>文本已经是{language}；请选择其他目标语言。</translation>
    </message>
</context>
<context>
    <name>config.mt.cannot_translate_from</name>
    <message>
        <location filename="../../core/texts.py" line="72"/>
        <source>{model} cannot translate from {value}; it supports {count} languages, e.g. {sample}{larger}.</source>
        <translation>{model} 无法从 {value} 翻译；它支持 {count} 种语言，例如 {sample}{larger}。</translation>
    </message>
</context>
<context>
    <name>config.mt.cannot_translate_into</name>
    <message>
        <location filename="../../core/texts.py" line="76"/>
        <source>{model} cannot translate into {value}; it supports {count} languages, e.g. {sample}{larger}.</source>
        <translation>{model} 无法翻译成 {value}；它支持 {count} 种语言，例如 {sample}{larger}。</translation>
    </message>
</context>
<context>
    <name>config.mt.larger_list</name>
    <message>
        <location filename="../../core/texts.py" line="81"/>
        <source>; qwen-mt-plus, -flash and -turbo know {count}</source>
        <extracomment>``{larger}`` of the two sentences above when a bigger Qwen-MT model knows more languages.</extracomment>
        <translation>；qwen-mt-plus、-flash 和 -turbo 支持 {count} 种</translation>
    </message>
</context>
<context>
    <name>config.mt.not_a_model</name>
    <message>
        <location filename="../../core/texts.py" line="57"/>
        <source>{model} is not a Qwen-MT model; choose one of {models}.</source>
        <translation>{model} 不是 Qwen-MT 模型；请从以下模型中选择：{models}。</translation>
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
    <name>config.source_not_supported</name>
    <message>
        <location filename="../../services/texts.py" line="82"/>
        <source>Translating from {language} is not supported; choose another source language or let the service detect it.</source>
        <translation>不支持从{language}翻译；请选择其他源语言，或让服务自动识别。</translation>
    </message>
</context>
<context>
    <name>config.summary.unknown_language</name>
    <message>
        <location filename="../../services/texts.py" line="186"/>
        <source>{language} is not a language code this app knows (for example en, zh, de).</source>
        <translation>{language} 不是本应用认识的语言代码（例如 en、zh、de）。</translation>
    </message>
</context>
<context>
    <name>config.summary.unknown_model</name>
    <message>
        <location filename="../../services/texts.py" line="185"/>
        <source>{model} is not a summary model; choose one of: {choices}.</source>
        <translation>{model} 不是摘要模型；请从以下模型中选择：{choices}。</translation>
    </message>
</context>
<context>
    <name>config.target_not_supported</name>
    <message>
        <location filename="../../services/texts.py" line="79"/>
        <source>Translating into {language} is not supported; choose another target language.</source>
        <translation>不支持翻译成{language}；请选择其他目标语言。</translation>
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
        <location filename="../../transport/texts.py" line="121"/>
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
    <name>file.audio_damaged_at</name>
    <message>
        <location filename="../../media/texts.py" line="89"/>
        <source>The audio in {file} is damaged around {seconds} s and could not be decoded.</source>
        <translation>{file} 中的音频在约 {seconds} 秒处损坏，无法解码。</translation>
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
    <name>file.cannot_create_output</name>
    <message>
        <location filename="../../media/texts.py" line="106"/>
        <source>Cannot create {file}: check the output folder exists and is writable.</source>
        <translation>无法创建 {file}：请确认输出文件夹存在且可写入。</translation>
    </message>
</context>
<context>
    <name>file.cannot_read_input</name>
    <message>
        <location filename="../../services/texts.py" line="88"/>
        <source>Cannot read {file}; check that the file exists and is readable.</source>
        <translation>无法读取 {file}；请确认文件存在且可读取。</translation>
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
    <name>file.damaged</name>
    <message>
        <location filename="../../media/texts.py" line="135"/>
        <source>The file {file} is damaged and cannot be read; copy or download it again.</source>
        <translation>文件 {file} 已损坏，无法读取；请重新复制或下载。</translation>
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
    <name>file.empty</name>
    <message>
        <location filename="../../media/texts.py" line="110"/>
        <source>The file {file} is empty (0 bytes); copy or download it again.</source>
        <translation>文件 {file} 是空的（0 字节）；请重新复制或下载。</translation>
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
    <name>file.incomplete</name>
    <message>
        <location filename="../../media/texts.py" line="116"/>
        <source>The file {file} is incomplete: only {readable} of its {declared} can be read; copy or download it again.</source>
        <translation>文件 {file} 不完整：其 {declared} 中只有 {readable} 可以读取；请重新复制或下载。</translation>
    </message>
</context>
<context>
    <name>file.is_a_folder</name>
    <message>
        <location filename="../../media/texts.py" line="109"/>
        <source>{file} is a folder, not a file; choose the files inside it.</source>
        <translation>{file} 是文件夹而不是文件；请选择其中的文件。</translation>
    </message>
</context>
<context>
    <name>file.jobs.cannot_create</name>
    <message>
        <location filename="../../store/texts.py" line="108"/>
        <source>Cannot create a new job list file.</source>
        <translation>无法创建新的任务列表文件。</translation>
    </message>
</context>
<context>
    <name>file.jobs.cannot_open</name>
    <message>
        <location filename="../../store/texts.py" line="102"/>
        <source>Cannot open the job list at {path}; check the folder permissions.</source>
        <translation>无法打开位于 {path} 的任务列表；请检查文件夹权限。</translation>
    </message>
</context>
<context>
    <name>file.jobs.damaged_set_aside</name>
    <message>
        <location filename="../../store/texts.py" line="104"/>
        <source>The list of file translations was damaged and has been set aside as {file}; a new one was started.</source>
        <translation>文件翻译列表已损坏，已另存为 {file}；并已新建一份列表。</translation>
    </message>
</context>
<context>
    <name>file.jobs.too_new</name>
    <message>
        <location filename="../../store/texts.py" line="98"/>
        <source>The list of file translations was written by a newer version of Live Interpreter; update the app to open it.</source>
        <translation>文件翻译列表由更新版本的 Live Interpreter 写入；请更新应用后再打开。</translation>
    </message>
</context>
<context>
    <name>file.jobs.unreadable</name>
    <message>
        <location filename="../../store/texts.py" line="103"/>
        <source>The list of file translations could not be read.</source>
        <translation>无法读取文件翻译列表。</translation>
    </message>
</context>
<context>
    <name>file.jobs.write_failed</name>
    <message>
        <location filename="../../store/texts.py" line="109"/>
        <source>The list of file translations could not be updated; check free disk space.</source>
        <translation>无法更新文件翻译列表；请检查可用磁盘空间。</translation>
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
    <name>file.no_audio_data</name>
    <message>
        <location filename="../../media/texts.py" line="115"/>
        <source>The file {file} contains no audio data; copy or download it again.</source>
        <translation>文件 {file} 不含音频数据；请重新复制或下载。</translation>
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
    <name>file.no_free_output_name</name>
    <message>
        <location filename="../../services/texts.py" line="71"/>
        <source>Cannot find a free name for the translation of {file} in {folder}.</source>
        <translation>在 {folder} 中找不到可用于 {file} 译文的文件名。</translation>
    </message>
</context>
<context>
    <name>file.no_longer_readable</name>
    <message>
        <location filename="../../media/texts.py" line="84"/>
        <source>The file {file} can no longer be read; check it is still there and unchanged.</source>
        <translation>文件 {file} 已无法读取；请确认它仍在原处且未被更改。</translation>
    </message>
</context>
<context>
    <name>file.no_picture</name>
    <message>
        <location filename="../../media/texts.py" line="87"/>
        <source>The file {file} has no picture to send as video.</source>
        <translation>文件 {file} 没有可作为视频发送的画面。</translation>
    </message>
</context>
<context>
    <name>file.no_picture_at</name>
    <message>
        <location filename="../../media/texts.py" line="88"/>
        <source>The video {file} has no picture at {seconds} s.</source>
        <translation>视频 {file} 在 {seconds} 秒处没有画面。</translation>
    </message>
</context>
<context>
    <name>file.no_picture_to_dub</name>
    <message>
        <location filename="../../media/texts.py" line="102"/>
        <source>The file {file} has no picture to dub.</source>
        <translation>文件 {file} 没有可配音的画面。</translation>
    </message>
</context>
<context>
    <name>file.no_readable_streams</name>
    <message>
        <location filename="../../media/texts.py" line="111"/>
        <source>The file {file} holds no audio or video this app can read; check that it is the file you meant.</source>
        <translation>文件 {file} 中没有本应用可读取的音频或视频；请确认这是您要的文件。</translation>
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
    <name>file.not_found</name>
    <message>
        <location filename="../../media/texts.py" line="120"/>
        <source>The file {file} does not exist; check the path.</source>
        <translation>文件 {file} 不存在；请检查路径。</translation>
    </message>
</context>
<context>
    <name>file.not_media</name>
    <message>
        <location filename="../../media/texts.py" line="127"/>
        <source>The file {file} is not an audio or video file this app can read, or it is damaged; check that it is the file you meant.</source>
        <translation>文件 {file} 不是本应用可读取的音频或视频文件，或者已损坏；请确认这是您要的文件。</translation>
    </message>
</context>
<context>
    <name>file.only_silence</name>
    <message>
        <location filename="../../media/texts.py" line="136"/>
        <source>The file {file} contains only silence; there is nothing to translate in it.</source>
        <translation>文件 {file} 只有静音，没有可翻译的内容。</translation>
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
    <name>file.output_folder_not_writable</name>
    <message>
        <location filename="../../services/texts.py" line="74"/>
        <source>Cannot write to the output folder {folder}; choose another folder or check its permissions.</source>
        <translation>无法写入输出文件夹 {folder}；请选择其他文件夹或检查其权限。</translation>
    </message>
</context>
<context>
    <name>file.part_too_large</name>
    <message>
        <location filename="../../media/texts.py" line="81"/>
        <source>A part of {file} could not be made small enough to send; translate it as audio only.</source>
        <translation>{file} 的某一部分无法压缩到可发送的大小；请只翻译其音频。</translation>
    </message>
</context>
<context>
    <name>file.permission_denied</name>
    <message>
        <location filename="../../media/texts.py" line="122"/>
        <source>The file {file} cannot be read (permission denied); change its permissions or copy it somewhere you can read.</source>
        <translation>无法读取文件 {file}（权限不足）；请修改其权限，或将其复制到您可读取的位置。</translation>
    </message>
</context>
<context>
    <name>file.problem</name>
    <message>
        <location filename="../../services/texts.py" line="89"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
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
        <location filename="../../services/texts.py" line="162"/>
        <source>The session could not use its files: {reason}. Check the disk and try again.</source>
        <translation>会话无法使用其文件：{reason}。请检查磁盘后重试。</translation>
    </message>
</context>
<context>
    <name>file.soundtrack_not_pcm16</name>
    <message>
        <location filename="../../media/texts.py" line="95"/>
        <source>The soundtrack {file} is not 16-bit PCM.</source>
        <translation>音轨 {file} 不是 16 位 PCM。</translation>
    </message>
</context>
<context>
    <name>file.soundtrack_unreadable</name>
    <message>
        <location filename="../../media/texts.py" line="96"/>
        <source>The translated soundtrack {file} cannot be read; translate the file again.</source>
        <translation>无法读取翻译后的音轨 {file}；请重新翻译该文件。</translation>
    </message>
</context>
<context>
    <name>file.subtitles.no_cues</name>
    <message>
        <location filename="../../services/texts.py" line="103"/>
        <source>{file} holds no subtitle cues with text; there is nothing to translate.</source>
        <translation>{file} 中没有带文字的字幕条目，没有可翻译的内容。</translation>
    </message>
</context>
<context>
    <name>file.subtitles.unreadable</name>
    <message>
        <location filename="../../services/texts.py" line="116"/>
        <source>{file} is not a readable {suffix} subtitle file; check that it is the right file.</source>
        <translation>{file} 不是可读取的 {suffix} 字幕文件；请确认文件是否正确。</translation>
    </message>
</context>
<context>
    <name>file.text.binary</name>
    <message>
        <location filename="../../core/texts.py" line="61"/>
        <source>{file} is not a readable {suffix} text file (it looks binary); check that it is the right file.</source>
        <translation>{file} 不是可读取的 {suffix} 文本文件（看起来是二进制文件）；请确认文件是否正确。</translation>
    </message>
</context>
<context>
    <name>file.text.empty</name>
    <message>
        <location filename="../../core/texts.py" line="65"/>
        <source>{file} is empty; there is nothing to translate.</source>
        <translation>{file} 是空的，没有可翻译的内容。</translation>
    </message>
</context>
<context>
    <name>file.text.is_folder</name>
    <message>
        <location filename="../../services/texts.py" line="102"/>
        <source>{path} is a folder; drop the files inside it instead.</source>
        <translation>{path} 是文件夹；请改为拖入其中的文件。</translation>
    </message>
</context>
<context>
    <name>file.text.missing</name>
    <message>
        <location filename="../../services/texts.py" line="101"/>
        <source>{path} does not exist; check the name and folder.</source>
        <translation>{path} 不存在；请检查文件名和文件夹。</translation>
    </message>
</context>
<context>
    <name>file.text.nothing_to_translate</name>
    <message>
        <location filename="../../services/texts.py" line="98"/>
        <source>{file} has no text to translate (only blank lines or code).</source>
        <translation>{file} 中没有可翻译的文本（只有空行或代码）。</translation>
    </message>
</context>
<context>
    <name>file.text.too_large</name>
    <message>
        <location filename="../../services/texts.py" line="108"/>
        <source>{file} is {megabytes:.0f} MB; text files up to {limit} MB can be translated — split it first.</source>
        <translation>{file} 大小为 {megabytes:.0f} MB；只能翻译不超过 {limit} MB 的文本文件，请先拆分。</translation>
    </message>
</context>
<context>
    <name>file.text.too_many_variants</name>
    <message>
        <location filename="../../services/texts.py" line="95"/>
        <source>{folder} already holds {count} translations of {file}; clear some out.</source>
        <translation>{folder} 中已有 {count} 份 {file} 的译文；请清理一些。</translation>
    </message>
</context>
<context>
    <name>file.text.unreadable</name>
    <message>
        <location filename="../../services/texts.py" line="112"/>
        <source>{file} cannot be read; check its permissions.</source>
        <translation>无法读取 {file}；请检查其权限。</translation>
    </message>
</context>
<context>
    <name>file.text.write_failed</name>
    <message>
        <location filename="../../services/texts.py" line="113"/>
        <source>The translation could not be written to {path}; check free space and permissions.</source>
        <translation>无法将译文写入 {path}；请检查可用空间和权限。</translation>
    </message>
</context>
<context>
    <name>file.transcript.bad_line</name>
    <message>
        <location filename="../../services/texts.py" line="180"/>
        <source>Line {line} of {path} is not a transcript line (JSON with &apos;source&apos; and &apos;translation&apos;); fix or remove it.</source>
        <translation>{path} 的第 {line} 行不是转写记录（应为包含 &apos;source&apos; 和 &apos;translation&apos; 的 JSON）；请修正或删除该行。</translation>
    </message>
</context>
<context>
    <name>file.transcript.empty</name>
    <message>
        <location filename="../../services/texts.py" line="184"/>
        <source>The transcript {path} has no spoken segments to summarise.</source>
        <translation>转写文件 {path} 中没有可供摘要的语音片段。</translation>
    </message>
</context>
<context>
    <name>file.transcript.not_utf8</name>
    <message>
        <location filename="../../services/texts.py" line="175"/>
        <source>Cannot read the transcript {path}: it is not a UTF-8 text file. Choose a transcript.jsonl written by a live session.</source>
        <translation>无法读取转写文件 {path}：它不是 UTF-8 文本文件。请选择由实时会话写出的 transcript.jsonl。</translation>
    </message>
</context>
<context>
    <name>file.transcript.unreadable</name>
    <message>
        <location filename="../../services/texts.py" line="171"/>
        <source>Cannot read the transcript {path}: {reason}. Choose a transcript.jsonl written by a live session.</source>
        <translation>无法读取转写文件 {path}：{reason}。请选择由实时会话写出的 transcript.jsonl。</translation>
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
    <name>file.unreachable</name>
    <message>
        <location filename="../../media/texts.py" line="121"/>
        <source>The file {file} cannot be reached; check the path and its permissions.</source>
        <translation>无法访问文件 {file}；请检查路径及其权限。</translation>
    </message>
</context>
<context>
    <name>file.unreadable</name>
    <message>
        <location filename="../../media/texts.py" line="126"/>
        <source>The file {file} cannot be read; check the disk or copy it again.</source>
        <translation>无法读取文件 {file}；请检查磁盘或重新复制。</translation>
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
    <name>file.video_damaged_at</name>
    <message>
        <location filename="../../media/texts.py" line="92"/>
        <source>The video in {file} is damaged around {seconds} s and could not be decoded.</source>
        <translation>{file} 中的视频在约 {seconds} 秒处损坏，无法解码。</translation>
    </message>
</context>
<context>
    <name>file.video_no_longer_readable</name>
    <message>
        <location filename="../../media/texts.py" line="99"/>
        <source>The video {file} can no longer be read; check it is still there.</source>
        <translation>视频 {file} 已无法读取；请确认它仍在原处。</translation>
    </message>
</context>
<context>
    <name>file.video_no_sound</name>
    <message>
        <location filename="../../media/texts.py" line="132"/>
        <source>The video {file} has no sound to translate; choose a file with an audio track.</source>
        <translation>视频 {file} 没有可翻译的声音；请选择带音轨的文件。</translation>
    </message>
</context>
<context>
    <name>file.writing_failed</name>
    <message>
        <location filename="../../media/texts.py" line="103"/>
        <source>Writing {file} failed: the disk may be full or the folder not writable.</source>
        <translation>写入 {file} 失败：磁盘可能已满，或文件夹不可写入。</translation>
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
    <name>glossary.mt.term_too_long</name>
    <message>
        <location filename="../../core/texts.py" line="47"/>
        <source>The glossary term {term} is longer than one translation request can carry ({tokens:,} tokens); shorten it or remove it from the glossary.</source>
        <translation>术语 {term} 超出了单次翻译请求可容纳的长度（{tokens:,} 个 token）；请缩短它或将其从术语表中移除。</translation>
    </message>
</context>
<context>
    <name>glossary.mt.terms_need_room</name>
    <message>
        <location filename="../../core/texts.py" line="52"/>
        <source>The glossary terms found in part {part} of the text need more room than one translation request has ({tokens:,} tokens); use a smaller glossary.</source>
        <translation>文本第 {part} 部分中出现的术语所需空间超过单次翻译请求的容量（{tokens:,} 个 token）；请使用更小的术语表。</translation>
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
    <name>glossary.tmx.invalid</name>
    <message>
        <location filename="../../core/texts.py" line="69"/>
        <source>The translation memory is not a valid TMX file; export it again as TMX or CSV.</source>
        <translation>该翻译记忆不是有效的 TMX 文件；请重新导出为 TMX 或 CSV。</translation>
    </message>
</context>
<context>
    <name>glossary.tmx.no_units</name>
    <message>
        <location filename="../../core/texts.py" line="66"/>
        <source>The TMX file holds no translation unit with both languages; nothing to import.</source>
        <translation>该 TMX 文件中没有同时包含两种语言的翻译单元，没有可导入的内容。</translation>
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
    <name>image.file.cannot_shrink</name>
    <message>
        <location filename="../../media/texts.py" line="161"/>
        <source>The picture {file} cannot be made small enough for the 10 MB limit; scale it down first.</source>
        <translation>图片 {file} 无法压缩到 10 MB 限制以内；请先缩小它。</translation>
    </message>
</context>
<context>
    <name>image.file.claims_too_large</name>
    <message>
        <location filename="../../media/texts.py" line="170"/>
        <source>{file} claims to be far larger than any picture the service takes; it is not translated.</source>
        <translation>{file} 声称的尺寸远超服务能接受的任何图片，因此不翻译。</translation>
    </message>
</context>
<context>
    <name>image.file.damaged</name>
    <message>
        <location filename="../../media/texts.py" line="174"/>
        <source>The picture {file} is damaged and cannot be opened; copy or download it again.</source>
        <translation>图片 {file} 已损坏，无法打开；请重新复制或下载。</translation>
    </message>
</context>
<context>
    <name>image.file.empty</name>
    <message>
        <location filename="../../media/texts.py" line="138"/>
        <source>The picture {file} is empty (0 bytes); copy or download it again.</source>
        <translation>图片 {file} 是空的（0 字节）；请重新复制或下载。</translation>
    </message>
</context>
<context>
    <name>image.file.heic_needs_plugin</name>
    <message>
        <location filename="../../media/texts.py" line="139"/>
        <source>{file} is a HEIC photo, which needs the optional pillow-heif package to convert; install it (pip install pillow-heif) or export the photo as JPEG.</source>
        <translation>{file} 是 HEIC 照片，需要可选的 pillow-heif 软件包才能转换；请安装它（pip install pillow-heif），或将照片导出为 JPEG。</translation>
    </message>
</context>
<context>
    <name>image.file.is_folder</name>
    <message>
        <location filename="../../media/texts.py" line="145"/>
        <source>{file} is a folder, not a picture; choose the image files in it.</source>
        <translation>{file} 是文件夹而不是图片；请选择其中的图片文件。</translation>
    </message>
</context>
<context>
    <name>image.file.missing</name>
    <message>
        <location filename="../../media/texts.py" line="144"/>
        <source>The picture {file} does not exist; check the path.</source>
        <translation>图片 {file} 不存在；请检查路径。</translation>
    </message>
</context>
<context>
    <name>image.file.needs_fixing</name>
    <message>
        <location filename="../../media/texts.py" line="158"/>
        <source>The picture {file} needs fixing before it can be sent ({fixes}).</source>
        <translation>图片 {file} 需要修正后才能发送（{fixes}）。</translation>
    </message>
</context>
<context>
    <name>image.file.not_a_picture</name>
    <message>
        <location filename="../../media/texts.py" line="165"/>
        <source>{file} is not a picture Pillow can read, although its name ends in {ending}; choose a JPG, PNG, BMP, PNM, TIFF or WEBP image.</source>
        <translation>{file} 不是 Pillow 能读取的图片，尽管其扩展名为 {ending}；请选择 JPG、PNG、BMP、PNM、TIFF 或 WEBP 图片。</translation>
    </message>
</context>
<context>
    <name>image.file.size_problem</name>
    <message>
        <location filename="../../media/texts.py" line="153"/>
        <source>The picture {file} {problem}.</source>
        <translation>图片 {file} {problem}。</translation>
    </message>
</context>
<context>
    <name>image.file.size_problem_too_narrow</name>
    <message>
        <location filename="../../media/texts.py" line="154"/>
        <source>The picture {file} {problem}, and scaling it down would make it too narrow; crop it first.</source>
        <translation>图片 {file} {problem}，且缩小后会过窄；请先裁剪。</translation>
    </message>
</context>
<context>
    <name>image.file.too_large_to_process</name>
    <message>
        <location filename="../../media/texts.py" line="149"/>
        <source>{file} is {width}x{height} px, too large to process safely; scale it below {limit} px per side first.</source>
        <translation>{file} 为 {width}x{height} 像素，过大而无法安全处理；请先将每边缩小到 {limit} 像素以下。</translation>
    </message>
</context>
<context>
    <name>image.file.truncated</name>
    <message>
        <location filename="../../media/texts.py" line="177"/>
        <source>The picture {file} is damaged or cut short (its data ends early); copy or download it again.</source>
        <translation>图片 {file} 已损坏或不完整（数据提前结束）；请重新复制或下载。</translation>
    </message>
</context>
<context>
    <name>image.file.unreadable</name>
    <message>
        <location filename="../../media/texts.py" line="146"/>
        <source>The picture {file} cannot be read; check that it exists and that you may open it.</source>
        <translation>无法读取图片 {file}；请确认它存在且您有权打开。</translation>
    </message>
</context>
<context>
    <name>image.fix.convert_colours</name>
    <message>
        <location filename="../../media/texts.py" line="186"/>
        <source>converted from CMYK print colours to RGB</source>
        <translation>已从 CMYK 印刷色转换为 RGB</translation>
    </message>
</context>
<context>
    <name>image.fix.convert_format</name>
    <message>
        <location filename="../../media/texts.py" line="184"/>
        <source>converted to a format the service reads</source>
        <translation>已转换为服务可读取的格式</translation>
    </message>
</context>
<context>
    <name>image.fix.downscale</name>
    <message>
        <location filename="../../media/texts.py" line="187"/>
        <source>scaled down to fit 8192 px per side</source>
        <translation>已缩小到每边不超过 8192 像素</translation>
    </message>
</context>
<context>
    <name>image.fix.first_frame</name>
    <message>
        <location filename="../../media/texts.py" line="185"/>
        <source>only the first frame of the animation is translated</source>
        <translation>只翻译动画的第一帧</translation>
    </message>
</context>
<context>
    <name>image.fix.recompress</name>
    <message>
        <location filename="../../media/texts.py" line="188"/>
        <source>re-encoded as JPEG to fit the 10 MB limit</source>
        <translation>已重新编码为 JPEG 以符合 10 MB 限制</translation>
    </message>
</context>
<context>
    <name>image.fix.rotate</name>
    <message>
        <location filename="../../media/texts.py" line="183"/>
        <source>turned upright as its EXIF orientation says</source>
        <translation>已按 EXIF 方向信息摆正</translation>
    </message>
</context>
<context>
    <name>image.language_unknown</name>
    <message>
        <location filename="../../core/texts.py" line="83"/>
        <source>Image translation does not know the language {value}; it translates {languages}.</source>
        <translation>图片翻译不支持语言 {value}；它支持：{languages}。</translation>
    </message>
</context>
<context>
    <name>image.needs_chinese_or_english</name>
    <message>
        <location filename="../../core/texts.py" line="100"/>
        <source>Image translation needs Chinese or English on one side, so {source} to {target} is not possible; translate from or into Chinese or English instead.</source>
        <translation>图片翻译要求一侧为中文或英文，因此无法从{source}翻译成{target}；请改为从中文或英文翻译，或翻译成中文或英文。</translation>
    </message>
</context>
<context>
    <name>image.region.key_is_singapore</name>
    <message>
        <location filename="../../services/texts.py" line="120"/>
        <source>Image translation (qwen-mt-image) runs only in the Beijing region and the key in use is for Singapore; add a Beijing API key in Settings &gt; API keys (both keys can be kept, each feature uses the right one).</source>
        <translation>图片翻译（qwen-mt-image）仅在北京地域提供，而当前使用的是新加坡的密钥；请在“设置 &gt; API 密钥”中添加北京的 API 密钥（两个密钥可同时保存，各功能会使用对应的密钥）。</translation>
    </message>
</context>
<context>
    <name>image.region.no_beijing_key</name>
    <message>
        <location filename="../../services/texts.py" line="127"/>
        <source>Image translation (qwen-mt-image) runs only in the Beijing region and no Beijing API key is stored; add one in Settings &gt; API keys, or pass --api-key / set DASHSCOPE_API_KEY with a Beijing key.</source>
        <translation>图片翻译（qwen-mt-image）仅在北京地域提供，而尚未保存北京的 API 密钥；请在“设置 &gt; API 密钥”中添加，或传入 --api-key / 设置 DASHSCOPE_API_KEY 为北京的密钥。</translation>
    </message>
</context>
<context>
    <name>image.same_language</name>
    <message>
        <location filename="../../core/texts.py" line="97"/>
        <source>The source and target are both {language}; choose a different target language.</source>
        <translation>源语言和目标语言都是{language}；请选择其他目标语言。</translation>
    </message>
</context>
<context>
    <name>image.size.aspect</name>
    <message>
        <location filename="../../core/texts.py" line="107"/>
        <source>is {width}x{height} px, an aspect ratio of 1:{ratio:.0f}; the service takes 1:10 to 10:1, so crop it or split it into parts</source>
        <translation>为 {width}x{height} 像素，宽高比为 1:{ratio:.0f}；服务只接受 1:10 到 10:1，请裁剪或拆分成几部分</translation>
    </message>
</context>
<context>
    <name>image.size.no_pixels</name>
    <message>
        <location filename="../../core/texts.py" line="106"/>
        <source>has no pixels</source>
        <translation>没有像素</translation>
    </message>
</context>
<context>
    <name>image.size.too_large</name>
    <message>
        <location filename="../../core/texts.py" line="113"/>
        <source>is {width}x{height} px; each side may be at most {maximum} px</source>
        <translation>为 {width}x{height} 像素；每边最多 {maximum} 像素</translation>
    </message>
</context>
<context>
    <name>image.size.too_small</name>
    <message>
        <location filename="../../core/texts.py" line="112"/>
        <source>is {width}x{height} px; each side must be at least {minimum} px</source>
        <translation>为 {width}x{height} 像素；每边至少需要 {minimum} 像素</translation>
    </message>
</context>
<context>
    <name>image.source_only_language</name>
    <message>
        <location filename="../../core/texts.py" line="89"/>
        <source>{language} can only be translated from in images, not into; choose a target among {languages}.</source>
        <translation>图片翻译只能从{language}翻译，不能翻译成{language}；请从以下目标语言中选择：{languages}。</translation>
    </message>
</context>
<context>
    <name>image.store.cannot_open</name>
    <message>
        <location filename="../../store/texts.py" line="125"/>
        <source>Cannot open the list of image translations at {path}; check the folder permissions.</source>
        <translation>无法打开位于 {path} 的图片翻译列表；请检查文件夹权限。</translation>
    </message>
</context>
<context>
    <name>image.store.too_new</name>
    <message>
        <location filename="../../store/texts.py" line="121"/>
        <source>The list of image translations was written by a newer version of Live Interpreter; update the app to open it.</source>
        <translation>图片翻译列表由更新版本的 Live Interpreter 写入；请更新应用后再打开。</translation>
    </message>
</context>
<context>
    <name>image.store.write_failed</name>
    <message>
        <location filename="../../store/texts.py" line="128"/>
        <source>The list of image translations could not be updated; check free disk space.</source>
        <translation>无法更新图片翻译列表；请检查可用磁盘空间。</translation>
    </message>
</context>
<context>
    <name>image.target_needed</name>
    <message>
        <location filename="../../core/texts.py" line="86"/>
        <source>Choose a target language for image translation; it cannot be automatic.</source>
        <translation>请为图片翻译选择目标语言；目标语言不能自动识别。</translation>
    </message>
</context>
<context>
    <name>image.target_only_language</name>
    <message>
        <location filename="../../core/texts.py" line="93"/>
        <source>Images can be translated into {language} but not from it; choose a source among {languages} (or automatic).</source>
        <translation>图片可以翻译成{language}，但不能从{language}翻译；请从以下源语言中选择：{languages}（或自动识别）。</translation>
    </message>
</context>
<context>
    <name>image.task.forgotten</name>
    <message>
        <location filename="../../services/texts.py" line="133"/>
        <source>The service no longer knows the task for {file} (tasks are kept 24 hours and belong to the key that made them); choose Retry to translate it again.</source>
        <translation>服务已不再保留 {file} 的任务（任务保留 24 小时，且只属于创建它的密钥）；请选择“重试”重新翻译。</translation>
    </message>
</context>
<context>
    <name>image.task.no_id</name>
    <message>
        <location filename="../../services/texts.py" line="132"/>
        <source>The service accepted the picture but sent no task id; try again later.</source>
        <translation>服务接受了图片，但没有返回任务 ID；请稍后重试。</translation>
    </message>
</context>
<context>
    <name>image.task.no_result_link</name>
    <message>
        <location filename="../../services/texts.py" line="138"/>
        <source>The service finished {file} but sent no result link; retry.</source>
        <translation>服务已完成 {file}，但没有返回结果链接；请重试。</translation>
    </message>
</context>
<context>
    <name>image.task.submit_unknown</name>
    <message>
        <location filename="../../services/texts.py" line="139"/>
        <source>The connection broke while {file} was being submitted, so whether the service received it is unknown; choose Retry to translate it (it may then be billed twice).</source>
        <translation>提交 {file} 时连接中断，无法确定服务是否已收到；请选择“重试”重新翻译（可能会被计费两次）。</translation>
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
    <name>model.this_model</name>
    <message>
        <location filename="../../transport/texts.py" line="16"/>
        <source>this model</source>
        <extracomment>The model parameter of the sentences below when the request named none.</extracomment>
        <translation>此模型</translation>
    </message>
</context>
<context>
    <name>network.answer_not_finished</name>
    <message>
        <location filename="../../services/texts.py" line="91"/>
        <location filename="../../transport/texts.py" line="134"/>
        <source>The translation service&apos;s answer ended without saying it was complete; the request will be made again.</source>
        <translation>翻译服务的回答结束时没有表明已完成；将重新发送请求。</translation>
    </message>
</context>
<context>
    <name>network.answer_stopped_early</name>
    <message>
        <location filename="../../transport/texts.py" line="126"/>
        <source>The translation service&apos;s answer stopped before it was complete; the request will be made again.</source>
        <translation>翻译服务的回答在完成前中断；将重新发送请求。</translation>
    </message>
</context>
<context>
    <name>network.certificate_unverified</name>
    <message>
        <location filename="../../transport/texts.py" line="142"/>
        <source>The certificate of {host} could not be verified, so nothing was sent; if a company proxy inspects HTTPS, set SSL_CERT_FILE to a file holding its root certificate.</source>
        <translation>无法验证 {host} 的证书，因此未发送任何内容；如果公司代理会检查 HTTPS，请将 SSL_CERT_FILE 设置为包含其根证书的文件。</translation>
    </message>
</context>
<context>
    <name>network.connect_failed</name>
    <message>
        <location filename="../../transport/texts.py" line="104"/>
        <source>Connecting to {host} failed unexpectedly; trying again may help.</source>
        <translation>连接 {host} 时意外失败；重试也许可以解决。</translation>
    </message>
</context>
<context>
    <name>network.connection_dropped</name>
    <message>
        <location filename="../../transport/texts.py" line="105"/>
        <source>The connection to the translation service dropped.</source>
        <translation>与翻译服务的连接已中断。</translation>
    </message>
</context>
<context>
    <name>network.dropped_while_arriving</name>
    <message>
        <location filename="../../transport/texts.py" line="138"/>
        <source>The connection dropped while the translation was arriving; the request will be made again.</source>
        <translation>接收译文时连接断开；将重新发送请求。</translation>
    </message>
</context>
<context>
    <name>network.gave_up</name>
    <message>
        <location filename="../../transport/texts.py" line="114"/>
        <source>Gave up after {tries} tries over {seconds:.0f} s: {reason}</source>
        <extracomment>The final word when reconnecting stops: ``{reason}`` is the last failure&apos;s sentence (without its retry advice).</extracomment>
        <translation>在 {seconds:.0f} 秒内尝试 {tries} 次后放弃：{reason}</translation>
    </message>
</context>
<context>
    <name>network.gummy_task_not_started</name>
    <message>
        <location filename="../../transport/texts.py" line="184"/>
        <source>The Gummy service accepted the connection but did not start the task within {seconds:.0f} s.</source>
        <translation>Gummy 服务已接受连接，但未在 {seconds:.0f} 秒内启动任务。</translation>
    </message>
</context>
<context>
    <name>network.http_connection_failed</name>
    <message>
        <location filename="../../transport/texts.py" line="130"/>
        <source>The connection to the translation service at {host} failed.</source>
        <translation>与位于 {host} 的翻译服务的连接失败。</translation>
    </message>
</context>
<context>
    <name>network.internal_error</name>
    <message>
        <location filename="../../transport/texts.py" line="107"/>
        <source>The live session stopped because of an internal error; start it again.</source>
        <translation>同传会话因内部错误而停止；请重新开始。</translation>
    </message>
</context>
<context>
    <name>network.not_the_service</name>
    <message>
        <location filename="../../transport/texts.py" line="73"/>
        <source>Something other than the translation service answered (HTTP {status}); check the network, proxy or service address.</source>
        <translation>响应的不是翻译服务（HTTP {status}）；请检查网络、代理或服务地址。</translation>
    </message>
</context>
<context>
    <name>network.ocr_answer_stopped_early</name>
    <message>
        <location filename="../../services/texts.py" line="145"/>
        <source>The OCR answer stopped before it was complete; the request will be made again.</source>
        <translation>OCR 回答在完成前中断；将重新发送请求。</translation>
    </message>
</context>
<context>
    <name>network.session_not_started</name>
    <message>
        <location filename="../../transport/texts.py" line="115"/>
        <source>The service accepted the connection but did not start the session within {seconds:.0f} s; trying again may help.</source>
        <translation>服务已接受连接，但未在 {seconds:.0f} 秒内开始会话；重试也许可以解决。</translation>
    </message>
</context>
<context>
    <name>network.stalled</name>
    <message>
        <location filename="../../transport/texts.py" line="108"/>
        <source>The translation service stopped answering (no reply to speech for {seconds:.0f} s); reconnecting and sending the unanswered speech again.</source>
        <translation>翻译服务已停止响应（语音 {seconds:.0f} 秒未得到回复）；正在重新连接并重新发送未得到回复的语音。</translation>
    </message>
</context>
<context>
    <name>network.stopped_answering</name>
    <message>
        <location filename="../../transport/texts.py" line="154"/>
        <source>The translation service at {host} stopped answering; check the internet connection.</source>
        <translation>位于 {host} 的翻译服务停止了响应；请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>network.stopped_before_start</name>
    <message>
        <location filename="../../transport/texts.py" line="106"/>
        <source>The live session was stopped before it started.</source>
        <translation>同传会话在开始前就已停止。</translation>
    </message>
</context>
<context>
    <name>network.timeout</name>
    <message>
        <location filename="../../transport/texts.py" line="83"/>
        <source>The translation service at {host} did not answer in time; check the internet connection.</source>
        <translation>位于 {host} 的翻译服务未能及时响应；请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>network.unreachable</name>
    <message>
        <location filename="../../transport/texts.py" line="101"/>
        <source>Cannot reach the translation service at {host}; check the internet connection.</source>
        <translation>无法连接位于 {host} 的翻译服务；请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>network.unreachable_or_proxy</name>
    <message>
        <location filename="../../transport/texts.py" line="147"/>
        <source>Cannot reach the translation service at {host}; check the internet connection or proxy.</source>
        <translation>无法连接位于 {host} 的翻译服务；请检查网络连接或代理。</translation>
    </message>
</context>
<context>
    <name>network.upgrade_failed</name>
    <message>
        <location filename="../../transport/texts.py" line="97"/>
        <source>The connection to {host} could not be upgraded to a live session; check the proxy or service address.</source>
        <translation>与 {host} 的连接无法升级为同传会话；请检查代理或服务地址。</translation>
    </message>
</context>
<context>
    <name>ocr.choose_target</name>
    <message>
        <location filename="../../services/texts.py" line="149"/>
        <source>Choose a language to translate into.</source>
        <translation>请选择要翻译成的语言。</translation>
    </message>
</context>
<context>
    <name>ocr.history.cannot_open</name>
    <message>
        <location filename="../../store/texts.py" line="135"/>
        <source>The OCR history {path} cannot be opened ({reason}); check the disk and its permissions.</source>
        <translation>无法打开 OCR 历史记录 {path}（{reason}）；请检查磁盘及其权限。</translation>
    </message>
</context>
<context>
    <name>ocr.history.too_new</name>
    <message>
        <location filename="../../store/texts.py" line="132"/>
        <source>The OCR history {path} was written by a newer version of the app; update the app.</source>
        <translation>OCR 历史记录 {path} 由更新版本的应用写入；请更新应用。</translation>
    </message>
</context>
<context>
    <name>ocr.history.write_failed</name>
    <message>
        <location filename="../../store/texts.py" line="138"/>
        <source>The OCR history could not be updated ({reason}); check free disk space.</source>
        <translation>无法更新 OCR 历史记录（{reason}）；请检查可用磁盘空间。</translation>
    </message>
</context>
<context>
    <name>ocr.image.damaged</name>
    <message>
        <location filename="../../media/texts.py" line="204"/>
        <source>{file} is damaged or cut short and cannot be decoded; choose another image.</source>
        <translation>{file} 已损坏或不完整，无法解码；请选择其他图片。</translation>
    </message>
</context>
<context>
    <name>ocr.image.empty</name>
    <message>
        <location filename="../../media/texts.py" line="193"/>
        <source>{file} is empty (0 bytes); choose another image or capture again.</source>
        <translation>{file} 是空的（0 字节）；请选择其他图片或重新截取。</translation>
    </message>
</context>
<context>
    <name>ocr.image.is_folder</name>
    <message>
        <location filename="../../media/texts.py" line="208"/>
        <source>{file} is a folder, not an image; choose an image file.</source>
        <translation>{file} 是文件夹而不是图片；请选择图片文件。</translation>
    </message>
</context>
<context>
    <name>ocr.image.missing</name>
    <message>
        <location filename="../../media/texts.py" line="207"/>
        <source>{file} does not exist; check the path.</source>
        <translation>{file} 不存在；请检查路径。</translation>
    </message>
</context>
<context>
    <name>ocr.image.not_an_image</name>
    <message>
        <location filename="../../media/texts.py" line="210"/>
        <source>{file} is not an image Pillow can read (PNG, JPEG, BMP, TIFF, WebP, GIF); choose an image file.</source>
        <translation>{file} 不是 Pillow 能读取的图片（PNG、JPEG、BMP、TIFF、WebP、GIF）；请选择图片文件。</translation>
    </message>
</context>
<context>
    <name>ocr.image.prep_rotated</name>
    <message>
        <location filename="../../media/texts.py" line="235"/>
        <source>turned upright from its EXIF orientation</source>
        <translation>已按 EXIF 方向信息摆正</translation>
    </message>
</context>
<context>
    <name>ocr.image.prep_scaled</name>
    <message>
        <location filename="../../media/texts.py" line="236"/>
        <source>scaled from {width}×{height} to {new_width}×{new_height} px to fit the model&apos;s pixel range</source>
        <translation>已从 {width}×{height} 缩放到 {new_width}×{new_height} 像素，以符合模型的像素范围</translation>
    </message>
</context>
<context>
    <name>ocr.image.prep_split</name>
    <message>
        <location filename="../../media/texts.py" line="240"/>
        <source>split into {count} pieces read in order (too tall to read in one piece)</source>
        <translation>已拆分为 {count} 块依次识别（太高，无法一次识别）</translation>
    </message>
</context>
<context>
    <name>ocr.image.prepared</name>
    <message>
        <location filename="../../media/texts.py" line="234"/>
        <source>{file} was {changes}.</source>
        <translation>{file}：{changes}。</translation>
    </message>
</context>
<context>
    <name>ocr.image.the_image</name>
    <message>
        <location filename="../../media/texts.py" line="232"/>
        <source>The image</source>
        <extracomment>``{file}`` of the OCR image sentences for an image that has no file name (pasted, captured).</extracomment>
        <translation>该图片</translation>
    </message>
</context>
<context>
    <name>ocr.image.too_detailed</name>
    <message>
        <location filename="../../media/texts.py" line="190"/>
        <source>The image is too detailed to send under the 10 MB limit even as JPEG; crop it first.</source>
        <translation>该图片细节过多，即使转为 JPEG 也无法控制在 10 MB 以内；请先裁剪。</translation>
    </message>
</context>
<context>
    <name>ocr.image.too_many_pixels</name>
    <message>
        <location filename="../../media/texts.py" line="201"/>
        <source>{file} is larger than 100 megapixels; crop or shrink it first.</source>
        <translation>{file} 超过 1 亿像素；请先裁剪或缩小。</translation>
    </message>
</context>
<context>
    <name>ocr.image.too_small</name>
    <message>
        <location filename="../../media/texts.py" line="194"/>
        <source>{file} is only {width}×{height} px; OCR needs at least {minimum}×{minimum} px, so select a larger area.</source>
        <translation>{file} 只有 {width}×{height} 像素；OCR 至少需要 {minimum}×{minimum} 像素，请选择更大的区域。</translation>
    </message>
</context>
<context>
    <name>ocr.image.too_wide</name>
    <message>
        <location filename="../../media/texts.py" line="198"/>
        <source>{file} is {width}×{height} px, wider than the 200:1 the service accepts; crop it into parts.</source>
        <translation>{file} 为 {width}×{height} 像素，超过服务接受的 200:1 宽高比；请裁剪成几部分。</translation>
    </message>
</context>
<context>
    <name>ocr.image.unreadable</name>
    <message>
        <location filename="../../media/texts.py" line="209"/>
        <source>{file} cannot be read ({reason}); check its permissions.</source>
        <translation>无法读取 {file}（{reason}）；请检查其权限。</translation>
    </message>
</context>
<context>
    <name>ocr.keyinfo_needs_schema</name>
    <message>
        <location filename="../../services/texts.py" line="150"/>
        <source>Key information needs a schema: name the fields to fill in (e.g. invoice number, date).</source>
        <translation>关键信息任务需要结构：请列出要填写的字段（例如发票号码、日期）。</translation>
    </message>
</context>
<context>
    <name>ocr.max_pixels</name>
    <message>
        <location filename="../../core/texts.py" line="119"/>
        <source>max_pixels may be at most {pixels:,} (15.68 megapixels).</source>
        <translation>max_pixels 最大为 {pixels:,}（1568 万像素）。</translation>
    </message>
</context>
<context>
    <name>ocr.no_text_found</name>
    <message>
        <location filename="../../services/texts.py" line="160"/>
        <source>No text found in {source}.</source>
        <extracomment>Not an error: what the OCR result says for an image without text.</extracomment>
        <translation>在 {source} 中未找到文字。</translation>
    </message>
</context>
<context>
    <name>ocr.pixel_range</name>
    <message>
        <location filename="../../core/texts.py" line="118"/>
        <source>The pixel range needs 1 &lt;= min_pixels &lt;= max_pixels.</source>
        <translation>像素范围必须满足 1 &lt;= min_pixels &lt;= max_pixels。</translation>
    </message>
</context>
<context>
    <name>ocr.schema.empty_group</name>
    <message>
        <location filename="../../core/texts.py" line="121"/>
        <source>{source}: the group &apos;{key}&apos; has no fields.</source>
        <translation>{source}：分组“{key}”中没有字段。</translation>
    </message>
</context>
<context>
    <name>ocr.schema.field_without_description</name>
    <message>
        <location filename="../../core/texts.py" line="122"/>
        <source>{source}: the field &apos;{key}&apos; must have a text description or sub-fields.</source>
        <translation>{source}：字段“{key}”必须有文字说明或子字段。</translation>
    </message>
</context>
<context>
    <name>ocr.schema.field_without_name</name>
    <message>
        <location filename="../../core/texts.py" line="120"/>
        <source>{source} has a field without a name{where}.</source>
        <translation>{source} 中有一个没有名称的字段{where}。</translation>
    </message>
</context>
<context>
    <name>ocr.schema.in_group</name>
    <message>
        <location filename="../../core/texts.py" line="127"/>
        <source> (in &apos;{key}&apos;)</source>
        <translation>（在“{key}”中）</translation>
    </message>
</context>
<context>
    <name>ocr.schema.not_object</name>
    <message>
        <location filename="../../core/texts.py" line="116"/>
        <source>{source} must be a JSON object with at least one named field.</source>
        <translation>{source} 必须是至少包含一个命名字段的 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>ocr.schema.the_schema</name>
    <message>
        <location filename="../../core/texts.py" line="126"/>
        <source>The schema</source>
        <extracomment>``{source}`` of the schema sentences when no file is named; ``{where}`` when the field sits in a group.</extracomment>
        <translation>该结构</translation>
    </message>
</context>
<context>
    <name>ocr.schema.too_deep</name>
    <message>
        <location filename="../../core/texts.py" line="117"/>
        <source>{source} nests deeper than {depth} levels; flatten it.</source>
        <translation>{source} 的嵌套超过 {depth} 层；请将其扁平化。</translation>
    </message>
</context>
<context>
    <name>ocr.schemas.save_failed</name>
    <message>
        <location filename="../../store/texts.py" line="141"/>
        <source>Cannot save the schemas to {path} ({reason}).</source>
        <translation>无法将结构保存到 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>ocr.unknown_task</name>
    <message>
        <location filename="../../core/texts.py" line="115"/>
        <source>Unknown OCR task &apos;{task}&apos;; choose one of: {tasks}.</source>
        <translation>未知的 OCR 任务“{task}”；请从以下任务中选择：{tasks}。</translation>
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
    <name>quota.exhausted</name>
    <message>
        <location filename="../../transport/texts.py" line="17"/>
        <source>The account&apos;s quota for {model}{where} is used up (or the account is in arrears): top up or raise the quota in the Model Studio console, or turn off the &apos;free tier only&apos; mode; waiting will not help.</source>
        <translation>账号在 {model}{where} 上的额度已用完（或账号已欠费）：请在百炼控制台中充值或提高额度，或关闭“仅使用免费额度”模式；等待无济于事。</translation>
    </message>
</context>
<context>
    <name>rate_limit.limited</name>
    <message>
        <location filename="../../transport/texts.py" line="51"/>
        <source>The service is limiting requests for this account (too many sessions or tokens per minute).</source>
        <extracomment>The rate-limit sentence without a promise to retry (the connection&apos;s status says when, and whether, it retries).</extracomment>
        <translation>服务正在限制此账号的请求（每分钟的会话数或 token 数过多）。</translation>
    </message>
</context>
<context>
    <name>rate_limit.retry_in</name>
    <message>
        <location filename="../../transport/texts.py" line="41"/>
        <source>The service is limiting requests for this account (too many requests or tokens per minute). Trying again in {seconds:.0f} s.</source>
        <translation>服务正在限制此账号的请求（每分钟的请求数或 token 数过多）。将在 {seconds:.0f} 秒后重试。</translation>
    </message>
</context>
<context>
    <name>rate_limit.retry_soon</name>
    <message>
        <location filename="../../transport/texts.py" line="46"/>
        <source>The service is limiting requests for this account (too many requests or tokens per minute). Trying again shortly.</source>
        <translation>服务正在限制此账号的请求（每分钟的请求数或 token 数过多）。稍后将自动重试。</translation>
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
    <name>region.gummy_beijing_only</name>
    <message>
        <location filename="../../transport/texts.py" line="179"/>
        <source>Gummy is offered only in the Beijing region: switch the region to Beijing (with a Beijing API key) or choose LiveTranslate.</source>
        <translation>Gummy 仅在北京地域提供：请将地域切换为北京（并使用北京地域的 API 密钥），或改用 LiveTranslate。</translation>
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
    <name>screen.snip.blank</name>
    <message>
        <location filename="../../services/texts.py" line="154"/>
        <source>The screen capture came back blank (one flat colour): this desktop may not allow screen capture. Allow it in the system settings, or paste a screenshot instead.</source>
        <translation>屏幕截图是空白的（单一颜色）：此桌面可能不允许截屏。请在系统设置中允许，或改为粘贴截图。</translation>
    </message>
</context>
<context>
    <name>screen.snip.cancelled</name>
    <message>
        <location filename="../../media/texts.py" line="214"/>
        <source>The screen capture was cancelled.</source>
        <translation>屏幕截取已取消。</translation>
    </message>
</context>
<context>
    <name>screen.snip.cannot_open</name>
    <message>
        <location filename="../../media/texts.py" line="220"/>
        <source>The desktop returned a screenshot this app cannot open; paste a screenshot instead.</source>
        <translation>桌面返回的截图无法被本应用打开；请改为粘贴截图。</translation>
    </message>
</context>
<context>
    <name>screen.snip.file_unreadable</name>
    <message>
        <location filename="../../media/texts.py" line="223"/>
        <source>The desktop&apos;s screenshot {path} cannot be read ({reason}).</source>
        <translation>无法读取桌面截图 {path}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>screen.snip.not_permitted</name>
    <message>
        <location filename="../../media/texts.py" line="215"/>
        <source>Screen capture was not permitted: allow this app to take screenshots in the desktop&apos;s privacy settings, or paste a screenshot instead.</source>
        <translation>不允许截屏：请在桌面的隐私设置中允许本应用截屏，或改为粘贴截图。</translation>
    </message>
</context>
<context>
    <name>screen.snip.portal_too_old</name>
    <message>
        <location filename="../../media/texts.py" line="224"/>
        <source>The desktop&apos;s screenshot portal is too old to be used here; paste a screenshot instead.</source>
        <translation>桌面的截图门户版本过旧，无法在此使用；请改为粘贴截图。</translation>
    </message>
</context>
<context>
    <name>screen.snip.timeout</name>
    <message>
        <location filename="../../media/texts.py" line="228"/>
        <source>The desktop did not answer the screenshot request in time; try again or paste a screenshot.</source>
        <translation>桌面未及时响应截图请求；请重试或改为粘贴截图。</translation>
    </message>
</context>
<context>
    <name>service.answer_not_json</name>
    <message>
        <location filename="../../transport/texts.py" line="152"/>
        <source>The service sent an answer that is not valid JSON.</source>
        <translation>服务发送的回答不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>service.answer_not_object</name>
    <message>
        <location filename="../../protocol/texts.py" line="81"/>
        <location filename="../../transport/texts.py" line="133"/>
        <source>The service sent an answer that is not a JSON object.</source>
        <translation>服务发送的回答不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>service.audio_not_base64</name>
    <message>
        <location filename="../../protocol/texts.py" line="86"/>
        <source>The service sent speech audio that is not valid Base64.</source>
        <translation>服务发送的语音音频不是有效的 Base64。</translation>
    </message>
</context>
<context>
    <name>service.audio_unexpected_form</name>
    <message>
        <location filename="../../protocol/texts.py" line="80"/>
        <source>The service sent speech audio in an unexpected form.</source>
        <translation>服务发送的语音音频格式出乎意料。</translation>
    </message>
</context>
<context>
    <name>service.chunk_not_json</name>
    <message>
        <location filename="../../protocol/texts.py" line="87"/>
        <source>The service sent a streaming chunk that is not valid JSON.</source>
        <translation>服务发送的流式数据块不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>service.closed_internal_problem</name>
    <message>
        <location filename="../../transport/texts.py" line="93"/>
        <source>The translation service had an internal problem and closed the connection; reconnecting.</source>
        <translation>翻译服务出现内部问题并关闭了连接；正在重新连接。</translation>
    </message>
</context>
<context>
    <name>service.closed_refused</name>
    <message>
        <location filename="../../transport/texts.py" line="88"/>
        <source>The translation service closed the session because it refused what was sent; start it again, and report this if it repeats.</source>
        <translation>翻译服务拒绝了发送的内容并关闭了会话；请重新开始，如果反复出现请报告此问题。</translation>
    </message>
</context>
<context>
    <name>service.connection_refused_http</name>
    <message>
        <location filename="../../transport/texts.py" line="62"/>
        <source>The service refused the connection (HTTP {status}); check the model and the service address.</source>
        <translation>服务拒绝了连接（HTTP {status}）；请检查模型和服务地址。</translation>
    </message>
</context>
<context>
    <name>service.content_refused</name>
    <message>
        <location filename="../../transport/texts.py" line="22"/>
        <source>The service&apos;s content check refused this input or its translation; this part cannot be translated as is.</source>
        <translation>服务的内容审核拒绝了此输入或其译文；这一部分无法按原样翻译。</translation>
    </message>
</context>
<context>
    <name>service.error_instead_of_translation</name>
    <message>
        <location filename="../../protocol/texts.py" line="82"/>
        <source>The service answered with an error where a translation was expected.</source>
        <translation>服务在应返回译文时返回了错误。</translation>
    </message>
</context>
<context>
    <name>service.gummy.malformed</name>
    <message>
        <location filename="../../protocol/texts.py" line="120"/>
        <source>The Gummy service sent a message that is not valid JSON.</source>
        <translation>Gummy 服务发来的消息不是有效的 JSON。</translation>
    </message>
</context>
<context>
    <name>service.gummy.not_a_task_event</name>
    <message>
        <location filename="../../protocol/texts.py" line="121"/>
        <source>The Gummy service sent a message without a task header.</source>
        <translation>Gummy 服务发来的消息缺少任务头。</translation>
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
    <name>service.internal_problem</name>
    <message>
        <location filename="../../transport/texts.py" line="59"/>
        <source>The translation service had an internal problem; trying again usually helps.</source>
        <translation>翻译服务出现内部问题；通常重试即可。</translation>
    </message>
</context>
<context>
    <name>service.internal_problem_http</name>
    <message>
        <location filename="../../transport/texts.py" line="55"/>
        <source>The translation service had an internal problem (HTTP {status}); trying again usually helps.</source>
        <translation>翻译服务出现内部问题（HTTP {status}）；通常重试即可。</translation>
    </message>
</context>
<context>
    <name>service.mt.no_output</name>
    <message>
        <location filename="../../protocol/texts.py" line="89"/>
        <source>The translation service sent an answer without output.</source>
        <translation>翻译服务发送的回答中没有输出。</translation>
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
    <name>service.no_translation</name>
    <message>
        <location filename="../../protocol/texts.py" line="85"/>
        <source>The service&apos;s answer contains no translation.</source>
        <translation>服务的回答中没有译文。</translation>
    </message>
</context>
<context>
    <name>service.not_an_event_stream</name>
    <message>
        <location filename="../../transport/texts.py" line="153"/>
        <source>The service&apos;s streamed answer is not an event stream.</source>
        <translation>服务的流式回答不是事件流。</translation>
    </message>
</context>
<context>
    <name>service.ocr.answer_not_finished</name>
    <message>
        <location filename="../../services/texts.py" line="148"/>
        <source>The OCR answer ended without saying it was complete.</source>
        <translation>OCR 回答结束时没有表明已完成。</translation>
    </message>
</context>
<context>
    <name>service.ocr.bad_status_line</name>
    <message>
        <location filename="../../protocol/texts.py" line="102"/>
        <source>The service sent a malformed stream status line.</source>
        <translation>服务发送了格式错误的流状态行。</translation>
    </message>
</context>
<context>
    <name>service.ocr.event_not_json</name>
    <message>
        <location filename="../../protocol/texts.py" line="101"/>
        <source>The service sent a stream event that is not JSON.</source>
        <translation>服务发送的流事件不是 JSON。</translation>
    </message>
</context>
<context>
    <name>service.ocr.event_not_object</name>
    <message>
        <location filename="../../protocol/texts.py" line="97"/>
        <source>The service sent a stream event that is not a JSON object.</source>
        <translation>服务发送的流事件不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>service.ocr.malformed_choice</name>
    <message>
        <location filename="../../protocol/texts.py" line="96"/>
        <source>The service&apos;s answer has a malformed choice.</source>
        <translation>服务的回答中包含格式错误的 choice。</translation>
    </message>
</context>
<context>
    <name>service.ocr.no_output</name>
    <message>
        <location filename="../../protocol/texts.py" line="95"/>
        <source>The service&apos;s answer has no output.</source>
        <translation>服务的回答中没有输出。</translation>
    </message>
</context>
<context>
    <name>service.ocr.not_numbers</name>
    <message>
        <location filename="../../protocol/texts.py" line="91"/>
        <source>The service sent a {field} that is not a list of numbers.</source>
        <translation>服务发送的 {field} 不是数字列表。</translation>
    </message>
</context>
<context>
    <name>service.ocr.position_not_object</name>
    <message>
        <location filename="../../protocol/texts.py" line="98"/>
        <source>The service sent a text position that is not an object.</source>
        <translation>服务发送的文字位置不是对象。</translation>
    </message>
</context>
<context>
    <name>service.ocr.positions_unknown_shape</name>
    <message>
        <location filename="../../protocol/texts.py" line="92"/>
        <source>The service sent text positions in an unknown shape.</source>
        <translation>服务发送的文字位置格式未知。</translation>
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
    <name>service.request_refused</name>
    <message>
        <location filename="../../transport/texts.py" line="70"/>
        <source>The service refused the request; check the model, the options and the service address.</source>
        <translation>服务拒绝了请求；请检查模型、选项和服务地址。</translation>
    </message>
</context>
<context>
    <name>service.request_refused_http</name>
    <message>
        <location filename="../../transport/texts.py" line="66"/>
        <source>The service refused the request (HTTP {status}); check the model, the options and the service address.</source>
        <translation>服务拒绝了请求（HTTP {status}）；请检查模型、选项和服务地址。</translation>
    </message>
</context>
<context>
    <name>service.summary.bad_answer</name>
    <message>
        <location filename="../../services/texts.py" line="189"/>
        <source>The summary model&apos;s answer could not be read as a summary; trying again may help.</source>
        <translation>无法将摘要模型的回答解析为摘要；重试可能会有帮助。</translation>
    </message>
</context>
<context>
    <name>session.internal_error</name>
    <message>
        <location filename="../../services/texts.py" line="165"/>
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
    <name>text.checkpoints_cannot_open</name>
    <message>
        <location filename="../../store/texts.py" line="113"/>
        <source>The translation checkpoints at {path} cannot be opened; check the disk and permissions.</source>
        <translation>无法打开位于 {path} 的翻译检查点；请检查磁盘和权限。</translation>
    </message>
</context>
<context>
    <name>text.checkpoints_save_failed</name>
    <message>
        <location filename="../../store/texts.py" line="117"/>
        <source>Saving translation progress to {path} failed; check free disk space.</source>
        <translation>将翻译进度保存到 {path} 失败；请检查可用磁盘空间。</translation>
    </message>
</context>
<context>
    <name>text.empty_input</name>
    <message>
        <location filename="../../services/texts.py" line="106"/>
        <source>There is no text to translate; paste or type some first.</source>
        <translation>没有要翻译的文本；请先粘贴或输入。</translation>
    </message>
</context>
<context>
    <name>text.transcript_no_text</name>
    <message>
        <location filename="../../services/texts.py" line="107"/>
        <source>This transcript has no spoken text to translate.</source>
        <translation>此转写中没有可翻译的语音文本。</translation>
    </message>
</context>
<context>
    <name>upload.no_policy</name>
    <message>
        <location filename="../../transport/texts.py" line="163"/>
        <source>The upload service&apos;s answer has no policy.</source>
        <translation>上传服务的回答中没有上传策略。</translation>
    </message>
</context>
<context>
    <name>upload.policy_field_missing</name>
    <message>
        <location filename="../../transport/texts.py" line="169"/>
        <source>The upload service&apos;s policy lacks the field {field}.</source>
        <translation>上传服务的策略缺少字段 {field}。</translation>
    </message>
</context>
<context>
    <name>upload.refused_twice</name>
    <message>
        <location filename="../../transport/texts.py" line="159"/>
        <source>The temporary upload of {file} was refused twice (expired or invalid upload permission); try again later.</source>
        <translation>{file} 的临时上传两次被拒绝（上传凭证已过期或无效）；请稍后重试。</translation>
    </message>
</context>
<context>
    <name>upload.result_download_failed</name>
    <message>
        <location filename="../../transport/texts.py" line="165"/>
        <source>Downloading the translated picture from {host} failed; check the internet connection.</source>
        <translation>从 {host} 下载译图失败；请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>upload.result_link_expired</name>
    <message>
        <location filename="../../transport/texts.py" line="170"/>
        <source>The translated picture&apos;s link has expired (results are kept 24 hours); translate the picture again.</source>
        <translation>译图的链接已过期（结果保留 24 小时）；请重新翻译该图片。</translation>
    </message>
</context>
<context>
    <name>upload.result_too_large</name>
    <message>
        <location filename="../../transport/texts.py" line="174"/>
        <source>The translated picture is larger than any result should be; it was ignored.</source>
        <translation>译图大于任何正常结果的大小，已忽略。</translation>
    </message>
</context>
<context>
    <name>upload.too_large</name>
    <message>
        <location filename="../../transport/texts.py" line="164"/>
        <source>{file} is larger than the {megabytes:g} MB the temporary upload allows.</source>
        <translation>{file} 超过临时上传允许的 {megabytes:g} MB。</translation>
    </message>
</context>
<context>
    <name>voice.cannot_speak_language</name>
    <message>
        <location filename="../../services/texts.py" line="86"/>
        <source>The service cannot speak {language}; choose text only.</source>
        <translation>服务无法用{language}朗读；请选择仅文字。</translation>
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
<context>
    <name>voice.voice_cannot_speak</name>
    <message>
        <location filename="../../services/texts.py" line="87"/>
        <source>The voice {voice} cannot speak {language}; choose another voice.</source>
        <translation>音色 {voice} 无法说{language}；请选择其他音色。</translation>
    </message>
</context>
</TS>
