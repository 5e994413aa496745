<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="38"/>
        <source>About Live Interpreter</source>
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
        <location filename="../../ui/dialogs/api_key.py" line="47"/>
        <source>API keys belong to the region they were created in: a Singapore key is refused in Beijing and the other way round. Image translation (qwen-mt-image) and uploading local files as temporary files work only in the Beijing region, with a Beijing key.</source>
        <extracomment>The region sentence in English (the source text); the dialog shows its translation.</extracomment>
        <translation>API 密钥只能在创建它的地域使用：新加坡地域的密钥在北京地域会被拒绝，反之亦然。图片翻译（qwen-mt-image）和将本地文件上传为临时文件仅支持北京地域，且需使用北京地域的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="283"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="288"/>
        <source>Live Interpreter uses your Alibaba Cloud Model Studio (DashScope) API key. Create one in the Model Studio console of the region you want to use.</source>
        <translation>同声传译使用您的阿里云百炼（DashScope）API 密钥。请在您要使用的地域的百炼控制台中创建密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="314"/>
        <source>sk-… (leave empty to keep the saved key)</source>
        <translation>sk-…（留空则保留已保存的密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="317"/>
        <location filename="../../ui/dialogs/api_key.py" line="394"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="337"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="340"/>
        <source>Open a short live session with this key and close it again (nothing is billed).</source>
        <translation>用此密钥开启一个简短的同传会话，随即关闭（不产生费用）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="352"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="356"/>
        <source>Remove saved key</source>
        <translation>删除已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="361"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="367"/>
        <source>Region:</source>
        <translation>地域：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="369"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="394"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="404"/>
        <source>No keyring: set {env} instead.</source>
        <translation>没有可用的密钥环：请改为设置 {env}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="405"/>
        <source>sk-… (can be tested, but not saved without a keyring)</source>
        <translation>sk-…（可以测试，但没有密钥环时无法保存）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="423"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="430"/>
        <source>&lt;b&gt;{headline}.&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;{headline}。&lt;/b&gt;{message}</translation>
    </message>
</context>
<context>
    <name>ApiKeyViewModel</name>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="157"/>
        <source>This system has no keyring (password manager) that Live Interpreter can use, so your key cannot be saved. Set the {env} environment variable before starting the app instead; the key is never written to a file.</source>
        <extracomment>Keys shorter than this get no hint at all: showing 4 characters of a short key would give away too much.</extracomment>
        <translation>此系统没有同声传译可以使用的密钥环（密码管理器），因此无法保存您的密钥。请改为在启动应用前设置环境变量 {env}；密钥绝不会写入文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="174"/>
        <source>A key for {region} is saved in the system keyring ({hint}).</source>
        <translation>{region}的密钥已保存在系统密钥环中（{hint}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="179"/>
        <source>No key is saved for {region}.</source>
        <translation>尚未保存{region}的密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="181"/>
        <source>{env} is set; live sessions use that key first.</source>
        <translation>已设置 {env}；同传会话将优先使用该密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="252"/>
        <source>Saved: live sessions use {region} with this key.</source>
        <translation>已保存：同传会话将通过{region}使用此密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="254"/>
        <source>Saved: live sessions use {region}.</source>
        <translation>已保存：同传会话将使用{region}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/api_key.py" line="273"/>
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
        <location filename="../../ui/caption_view.py" line="519"/>
        <source>Captions</source>
        <extracomment>&quot;At the bottom&quot; tolerance in pixels: a row&apos;s height change can leave the bar a few pixels off the maximum. Pixels per arrow-key / wheel step: about one line of caption text at the default font. Background re-measuring after a width/font change works in slices of this many seconds, then yields to the event loop: 4 ms keeps the loop&apos;s lag far below one 16 ms frame. Pause between slices (ms). Back-to-back slices (a 0 ms timer) starve the loop: a woken asyncio task needs a few loop passes (timer, call_soon, task step), each behind another slice, and was measured ~10 ms late at p50. With a 6 ms pause the lag stays around one slice; settling runs at ~40 % duty (about 1.5 s per 10 000 rows). Rows measured exactly when many arrive in one insert (the newest ones, which are on screen when following); the rest start as estimates and are settled in the background like after a resize. Margin of the &quot;Jump to live&quot; button from the bottom-right corner, px (clear of the scroll bar). An anchor: a row and the pixel offset of the viewport&apos;s top edge into it.</extracomment>
        <translation>字幕</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="521"/>
        <source>Jump to live ↓</source>
        <translation>跳到最新 ↓</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="523"/>
        <source>Auto-scroll is paused while you read back; click to follow again</source>
        <translation>回看时已暂停自动滚动；点击以继续跟随</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="595"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="596"/>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="597"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="598"/>
        <source>Jump to live</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="599"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="600"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="601"/>
        <source>Clear captions</source>
        <translation>清除字幕</translation>
    </message>
</context>
<context>
    <name>ComingTab</name>
    <message>
        <location filename="../../ui/widgets.py" line="127"/>
        <source>Coming in a later version. Files you drop here are listed below and kept for then.</source>
        <translation>将在后续版本中提供。拖放到这里的文件会列在下方并保留到那时。</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="69"/>
        <source>Connected</source>
        <extracomment>Seconds for TCP + TLS + WebSocket upgrade. Longer than the live default (5 s): a user waiting on a button prefers a slow answer to a false &quot;network problem&quot; on a sluggish hotel Wi-Fi. Seconds to wait for ``session.finished`` after ``session.finish``; with no audio sent it comes at once. Headlines in English (the source text); :attr:`CheckOutcome.headline` translates them.</extracomment>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="70"/>
        <source>Invalid key</source>
        <translation>密钥无效</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="71"/>
        <source>Wrong region</source>
        <translation>地域不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="72"/>
        <source>No access to the model</source>
        <translation>无权使用该模型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="73"/>
        <source>Quota or rate limit reached</source>
        <translation>已达到配额或速率限制</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="74"/>
        <source>Network problem</source>
        <translation>网络问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="75"/>
        <source>Service problem</source>
        <translation>服务异常</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="76"/>
        <source>Request rejected</source>
        <translation>请求被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="77"/>
        <source>Settings problem</source>
        <translation>设置有误</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="81"/>
        <source>Singapore (international)</source>
        <translation>新加坡（国际）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="82"/>
        <source>Beijing (China mainland)</source>
        <translation>北京（中国内地）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="193"/>
        <source>Enter an API key first.</source>
        <translation>请先输入 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="211"/>
        <source>This key belongs to the {region} region; select that region and save again.</source>
        <translation>此密钥属于{region}地域；请选择该地域后重新保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="220"/>
        <source>The service is limiting requests for this account (too many sessions or tokens per minute, or the quota is used up); wait a minute and test again, or check the quota in the Model Studio console.</source>
        <translation>服务正在限制此账号的请求（每分钟的会话数或 token 数过多，或配额已用完）；请等待一分钟后再测试，或在百炼控制台中查看配额。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="226"/>
        <source>The {region} service refused this key: check that it is copied completely, has not been deleted, and was created for this region.</source>
        <translation>{region}服务拒绝了此密钥：请检查密钥是否完整复制、是否已被删除，以及是否是在该地域创建的。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="234"/>
        <source>The key works: a live session opened on {where}.</source>
        <translation>密钥可用：已通过{where}成功开启同传会话。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/connection_check.py" line="243"/>
        <source>the {region} service</source>
        <translation>{region}服务</translation>
    </message>
</context>
<context>
    <name>FilesQueue</name>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="95"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="96"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="97"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="98"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="100"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="101"/>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="102"/>
        <source>Cost</source>
        <translation>实际费用</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="107"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="108"/>
        <source>Running</source>
        <translation>翻译中</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="109"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="110"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="111"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="112"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="245"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="250"/>
        <source>Text only</source>
        <translation>仅文本</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="251"/>
        <source>Voice: {voice}</source>
        <translation>音色：{voice}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="256"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="258"/>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="509"/>
        <source>Something went wrong inside the app; it was written to the log.</source>
        <translation>应用内部出错，详情已写入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="526"/>
        <source>{name} was already translated with these settings: reusing that translation (no charge).</source>
        <translation>{name} 已用相同设置翻译过：直接使用之前的译文（不再收费）。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/files_vm.py" line="594"/>
        <source>{done} of {total} files done · estimate {estimate} · spent {spent}</source>
        <translation>已完成 {done}/{total} 个文件 · 预估 {estimate} · 已花费 {spent}</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <location filename="../../ui/files_tab.py" line="104"/>
        <source>Demo — files are translated by the built-in emulator (not real translation).</source>
        <translation>演示模式 — 文件由内置模拟器处理（并非真实翻译）。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="132"/>
        <source>Options for files you add</source>
        <translation>新添加文件的选项</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="140"/>
        <source>Text only (no translated speech)</source>
        <translation>仅文本（不生成译音）</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="149"/>
        <source>Next to each file</source>
        <translation>保存在原文件旁</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="150"/>
        <source>In this folder:</source>
        <translation>保存到此文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="156"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="157"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="165"/>
        <source>Segments translated at the same time (within the service&apos;s limits)</source>
        <translation>同时翻译的片段数（不超过服务的限额）</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="167"/>
        <source>Translate into</source>
        <translation>翻译为</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="169"/>
        <source>From</source>
        <translation>源语言</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="171"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="174"/>
        <source>Write</source>
        <translation>输出格式</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="176"/>
        <source>At once</source>
        <translation>并发数</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="178"/>
        <source>Save</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="186"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="187"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="188"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="190"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="191"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="192"/>
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="193"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="194"/>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="195"/>
        <source>Play result</source>
        <translation>播放结果</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="236"/>
        <source>Drop audio or video files or folders here, or use Add files…</source>
        <translation>将音频、视频文件或文件夹拖到这里，或点击“添加文件…”</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="250"/>
        <source>No files yet.</source>
        <translation>还没有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="276"/>
        <source>text only</source>
        <translation>仅文本</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="283"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="348"/>
        <source>Choose at least one output to write.</source>
        <translation>请至少选择一种输出格式。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="356"/>
        <source>Folder for the translations</source>
        <translation>译文保存文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="392"/>
        <source>Select a file in the list to open its output folder.</source>
        <translation>请先在列表中选择一个文件，再打开其输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="401"/>
        <source>Select a translated file with speech to play its result.</source>
        <translation>请选择一个已完成且带译音的文件来播放结果。</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="409"/>
        <source>Add audio or video files</source>
        <translation>添加音频或视频文件</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="412"/>
        <source>Audio and video (*.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus *.wma *.amr *.mp4 *.mkv *.mov *.webm);;All files (*)</source>
        <translation>音频和视频 (*.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus *.wma *.amr *.mp4 *.mkv *.mov *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/files_tab.py" line="420"/>
        <source>Add a folder of audio or video files</source>
        <translation>添加包含音频或视频文件的文件夹</translation>
    </message>
</context>
<context>
    <name>GlossaryTableModel</name>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="54"/>
        <source>Source term</source>
        <extracomment>Table columns: source term, translation, and the flag explaining what is wrong with a row (English source text; the header shows their translations).</extracomment>
        <translation>原文词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="55"/>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="56"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history.py" line="38"/>
        <source>auto</source>
        <extracomment>Export formats written side by side (file suffix -&gt; journal method).</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="40"/>
        <source> (interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="41"/>
        <source>{when}  {languages}  {duration}  {count} segments{state}</source>
        <translation>{when}  {languages}  {duration}  {count} 段{state}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="48"/>
        <source>The last session ({when}, {count} segments) was interrupted. Everything up to then was saved; export it now?</source>
        <translation>上次会话（{when}，{count} 段）意外中断。中断前的内容均已保存；现在导出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="73"/>
        <source>Export session to folder</source>
        <translation>将会话导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="83"/>
        <source>Exported {names} to {folder}</source>
        <translation>已将 {names} 导出到 {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="96"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history.py" line="104"/>
        <source>Session history</source>
        <translation>会话历史</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="112"/>
        <source>No sessions yet. Every live session is saved here automatically.</source>
        <translation>还没有会话。每次同传会话都会自动保存在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="115"/>
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
        <location filename="../../ui/dialogs/hotwords_model.py" line="63"/>
        <source>found {found} columns where {expected} were expected (source term, translation); row skipped. If a term contains the delimiter, put it in double quotes.</source>
        <extracomment>The sentences ``core.glossary.parse_glossary_csv`` reports import problems with (English, word for word), so the import report can be shown in the UI language; see :func:`~interpreter.ui.dialogs.localization.translate_known`.</extracomment>
        <translation>发现 {found} 列，而应为 {expected} 列（原文词条、译文）；已跳过此行。如果词条中包含分隔符，请用英文双引号将其括起来。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="68"/>
        <source>found one column; expected a source term and a translation separated by {delimiter}; row skipped.</source>
        <translation>只有一列；应为以{delimiter}分隔的原文词条和译文；已跳过此行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="72"/>
        <source>the source term is empty; row skipped.</source>
        <translation>原文词条为空；已跳过此行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="73"/>
        <source>“{term}” already appears on line {line}; imported, but only the first is used.</source>
        <translation>“{term}”已在第 {line} 行出现；已导入，但只使用第一次出现的词条。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="76"/>
        <source>“{term}” has no translation; imported, fill it in to use it.</source>
        <translation>“{term}”没有译文；已导入，补充译文后才会使用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="80"/>
        <source>a tab</source>
        <extracomment>The delimiter names those sentences use.</extracomment>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="81"/>
        <source>a semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="82"/>
        <source>a comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="83"/>
        <source>a vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="228"/>
        <source>The source term is empty; this row is not used.</source>
        <extracomment>Undo steps kept. Each step is a few pointers (states share their glossaries), so the cap only bounds a day-long editing session; 500 steps is far more than anyone undoes.</extracomment>
        <translation>原文词条为空；此行不会使用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="230"/>
        <source>The translation is empty; this row is not used.</source>
        <translation>译文为空；此行不会使用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="238"/>
        <source>“{term}” is already on row {row}; only that row is used.</source>
        <translation>“{term}”已在第 {row} 行出现；仅使用该行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="280"/>
        <source>Create a glossary first.</source>
        <translation>请先创建术语表。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="304"/>
        <source>New glossary</source>
        <translation>新术语表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="306"/>
        <source>create glossary “{name}”</source>
        <translation>创建术语表“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="317"/>
        <source>A glossary needs a name.</source>
        <translation>术语表需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="319"/>
        <source>There is already a glossary called “{name}”; choose another name.</source>
        <translation>已有名为“{name}”的术语表；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="323"/>
        <source>rename to “{name}”</source>
        <translation>重命名为“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="342"/>
        <source>delete “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="351"/>
        <source>change languages</source>
        <translation>更改语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="372"/>
        <source>add term</source>
        <translation>添加词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="388"/>
        <source>edit term</source>
        <translation>编辑词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="398"/>
        <source>delete {count} term</source>
        <translation>删除 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="398"/>
        <source>delete {count} terms</source>
        <translation>删除 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="414"/>
        <source>Cannot read {file}; check that the file exists and is readable.</source>
        <translation>无法读取 {file}；请检查文件是否存在且可读。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="432"/>
        <source>import {count} terms from {file}</source>
        <translation>从 {file} 导入 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="435"/>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="459"/>
        <source>Imported {count} term</source>
        <translation>已导入 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="459"/>
        <source>Imported {count} terms</source>
        <translation>已导入 {count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="466"/>
        <source>skipped {count} malformed row</source>
        <translation>跳过 {count} 个格式错误的行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="468"/>
        <source>skipped {count} malformed rows</source>
        <translation>跳过 {count} 个格式错误的行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="473"/>
        <source>{count} row needs a look</source>
        <translation>{count} 行需要检查</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="473"/>
        <source>{count} rows need a look</source>
        <translation>{count} 行需要检查</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="477"/>
        <source>{parts}.</source>
        <comment>end of the import summary sentence</comment>
        <translation>{parts}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="478"/>
        <source>, </source>
        <comment>separator of the import summary parts</comment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="491"/>
        <source>There is no glossary to export.</source>
        <translation>没有可导出的术语表。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="505"/>
        <source>Exported {count} term to {file}.</source>
        <translation>已将 {count} 个词条导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/hotwords_model.py" line="505"/>
        <source>Exported {count} terms to {file}.</source>
        <translation>已将 {count} 个词条导出到 {file}。</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../ui/widgets.py" line="86"/>
        <source>Input level</source>
        <translation>输入音量</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="98"/>
        <source>Input level: {level:.0f} dBFS</source>
        <translation>输入音量：{level:.0f} dBFS</translation>
    </message>
</context>
<context>
    <name>LiveSessionViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="307"/>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="442"/>
        <source>Connecting…</source>
        <extracomment>Input level is published at most every this many ms: a meter needs ~10 updates/s to look alive; 40 ms audio blocks would otherwise make 25 repaints per second for no visible gain. Session clock tick (ms) for the status bar duration.</extracomment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="363"/>
        <source>Finishing…</source>
        <translation>正在结束…</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="421"/>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="422"/>
        <source>Cost ≈ {amount}</source>
        <translation>费用 ≈ {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="426"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="431"/>
        <source>Reconnected. Speech from the break was sent again.</source>
        <translation>已重新连接。中断期间的语音已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="434"/>
        <source>Reconnecting… (attempt {n})</source>
        <translation>正在重新连接…（第 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="437"/>
        <source> Next try in {s:.0f} s.</source>
        <translation>{s:.0f} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="439"/>
        <source>Connection lost — reconnecting. Keep speaking: your speech is kept.</source>
        <translation>连接中断，正在重新连接。请继续讲话：您的语音会被保留。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="444"/>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="524"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="446"/>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="466"/>
        <source>Not connected</source>
        <translation>未连接</translation>
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
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Not available yet.</source>
        <extracomment>Default window size (px): room for the controls row and ~8 caption pairs on a 1366x768 laptop.</extracomment>
        <translation>暂不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>Translate recordings, videos and subtitle files, with a queue, progress and a cost estimate.</source>
        <translation>翻译录音、视频和字幕文件，支持队列、进度显示和费用估算。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Translate the text in screenshots, scans and product images, keeping the layout.</source>
        <translation>翻译截图、扫描件和商品图片中的文字，并保留原有版式。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>OCR</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Read text from images and the screen, then translate it.</source>
        <translation>识别图片和屏幕上的文字，然后进行翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>&amp;Live</source>
        <translation>同传(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>&amp;Files</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>&amp;Images</source>
        <translation>图片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>&amp;OCR</source>
        <translation>文字识别(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>Demo — not real translation. Output comes from the built-in emulator.</source>
        <translation>演示模式——并非真实翻译。输出来自内置模拟器。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>Latency {s:.1f} s</source>
        <translation>延迟 {s:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Live Interpreter</source>
        <translation>同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source> — Demo</source>
        <translation> — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>Not opened: {names}. Live Interpreter opens audio, video, subtitle, text and image files.</source>
        <translation>未打开：{names}。同声传译可以打开音频、视频、字幕、文本和图片文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Finishing the session before closing…</source>
        <translation>正在结束会话，随后关闭…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Latency —</source>
        <translation>延迟 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>From the end of speech to its final translation, last segment</source>
        <translation>最近一段从讲话结束到最终译文出现的时间</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Session duration</source>
        <translation>会话时长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>Cost —</source>
        <translation>费用 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>Estimated cost of this session (the service&apos;s bill is authoritative)</source>
        <translation>本次会话的估算费用（以服务商账单为准）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Demo — not real translation</source>
        <translation>演示模式——并非真实翻译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>&amp;Open files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Session &amp;history…</source>
        <translation>会话历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>&amp;Export this session…</source>
        <translation>导出本次会话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;Start / Stop</source>
        <translation>开始 / 停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&amp;Presentation window</source>
        <translation>演示窗口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>&amp;Clear captions</source>
        <translation>清除字幕(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Show &amp;source text</source>
        <translation>显示原文(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>&amp;Jump to live captions</source>
        <translation>跳到最新字幕(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>&amp;API key…</source>
        <translation>API 密钥(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>&amp;Voices…</source>
        <translation>音色(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>&amp;Hotwords…</source>
        <translation>热词(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>&amp;Welcome guide…</source>
        <translation>欢迎向导(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;About Live Interpreter</source>
        <translation>关于同声传译(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Open files to translate</source>
        <translation>打开要翻译的文件</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../ui/widgets.py" line="37"/>
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
        <location filename="../../app_context.py" line="339"/>
        <source>File translations were interrupted when the app last stopped ({count}). Resume them?</source>
        <translation>上次退出时有文件翻译被中断（{count} 个）。要继续吗？</translation>
    </message>
    <message>
        <location filename="../../app_context.py" line="344"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../app.py" line="213"/>
        <source>Your key is saved: new sessions use the real service and are billed.</source>
        <extracomment>Self-test budget: the sample is ~6 s of speech played in real time, plus connect and finish. 60 s leaves room for a loaded CI machine while still failing a hung run.</extracomment>
        <translation>密钥已保存：新的会话将使用真实服务并产生费用。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="262"/>
        <source>Bundled speech sample</source>
        <translation>内置语音样本</translation>
    </message>
    <message>
        <location filename="../../app.py" line="264"/>
        <location filename="../../app.py" line="276"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../app.py" line="326"/>
        <source>The new language applies the next time you start Live Interpreter.</source>
        <translation>新的界面语言将在下次启动同声传译时生效。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="337"/>
        <source>There is no session to export yet.</source>
        <translation>还没有可以导出的会话。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="356"/>
        <source>Recover…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="369"/>
        <source>Something went wrong inside the app; it was written to the log. You can keep working.</source>
        <translation>应用内部出现问题，详情已写入日志。您可以继续使用。</translation>
    </message>
</context>
<context>
    <name>UiLanguage</name>
    <message>
        <location filename="../../ui/dialogs/localization.py" line="59"/>
        <source>en</source>
        <comment>The language code of this translation (e.g. zh_CN): language pickers use it to show localized names.</comment>
        <extracomment>UI languages whose script puts no space between sentences (a full-width &quot;。&quot; ends them). A sort key for names in one language (a Qt collation key, comparable with ``&lt;``).</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>VisualFeed</name>
    <message>
        <location filename="../../ui/viewmodels/visual_feed.py" line="104"/>
        <source>the source could not be read</source>
        <extracomment>Preview rate: enough to aim a camera or see a slide change, a small share of the Qt thread&apos;s time. Preview frames are decimated to at most this width before the QImage copy (the label shows ~160 px; twice that keeps the scaled thumbnail sharp on high-DPI screens).</extracomment>
        <translation>无法读取画面来源</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual_feed.py" line="106"/>
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
    <name>VoicePreview</name>
    <message>
        <location filename="../../ui/dialogs/voice_preview.py" line="65"/>
        <source>The built-in preview sentence has the wrong format; reinstall the app.</source>
        <extracomment>The service speaks 24 kHz mono s16le (spec §1.8). Rate of the built-in snippet and of what the session is told to expect. A preview is a ~2 s sentence; a session that has not produced its voice within 30 s is stuck, not slow. Append size: the service&apos;s samples send 100 ms per append (spec §1.8).</extracomment>
        <translation>内置的试听语句格式有误；请重新安装应用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voice_preview.py" line="72"/>
        <source>The built-in preview sentence is missing; reinstall the app.</source>
        <translation>内置的试听语句缺失；请重新安装应用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voice_preview.py" line="105"/>
        <source>The voice preview took too long; check the connection and try again.</source>
        <translation>音色试听耗时过长；请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voice_preview.py" line="158"/>
        <source>The preview audio is {rate} Hz; the player expects {expected} Hz.</source>
        <translation>试听音频为 {rate} Hz，而播放器需要 {expected} Hz。</translation>
    </message>
</context>
<context>
    <name>VoicesDialog</name>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="60"/>
        <source>Off: use the voice selected above</source>
        <extracomment>The cloning choices in English (the source text); the dialog shows their translations.</extracomment>
        <translation>关闭：使用上方选中的音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="61"/>
        <source>Clone the speaker&apos;s voice once, at the start of the session (one speaker)</source>
        <translation>在会话开始时克隆一次讲者的声音（单个讲者）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="64"/>
        <source>Clone the voice again before every response (several speakers take turns)</source>
        <translation>每次回复前重新克隆声音（多位讲者轮流发言）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="67"/>
        <source>Use a voice I cloned earlier, by its voice id:</source>
        <translation>使用我之前克隆的音色，音色 ID：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="458"/>
        <source>Voices</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="467"/>
        <source>Only voices that speak the target language</source>
        <translation>仅显示能说目标语言的音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="470"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="473"/>
        <source>Target language:</source>
        <translation>目标语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="481"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="481"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="481"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="481"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="494"/>
        <source>Voice cloning</source>
        <translation>声音克隆</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="525"/>
        <source>Preview</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="527"/>
        <source>Translate a short English sentence with this voice and play it.</source>
        <translation>用此音色翻译一句简短的英文并播放。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="539"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="540"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="577"/>
        <source>Only voices that speak {language}</source>
        <translation>仅显示能说{language}的音色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="586"/>
        <source>{voice} (default)</source>
        <translation>{voice}（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="587"/>
        <source>Speaks the target language</source>
        <translation>能说目标语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="596"/>
        <source>{voice}: {description}</source>
        <translation>{voice}：{description}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="630"/>
        <source>Preparing the preview…</source>
        <translation>正在准备试听…</translation>
    </message>
</context>
<context>
    <name>VoicesViewModel</name>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="217"/>
        <location filename="../../ui/dialogs/voices.py" line="295"/>
        <source>, </source>
        <comment>separator of a list of language names</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="227"/>
        <source>{language} is translated as text only on this model; no voice speaks it.</source>
        <translation>此模型仅以文字翻译{language}；没有音色能朗读该语言。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="231"/>
        <source>Does not speak {language}.</source>
        <translation>不会说{language}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="251"/>
        <source>All {count} spoken languages</source>
        <translation>全部 {count} 种可朗读语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="299"/>
        <source>Voice cloning &apos;never&apos; uses a voice you cloned earlier: enter its voice id (got nothing; preset voices and &apos;{default}&apos; do not count).</source>
        <translation>使用之前克隆的音色时，需要填写其音色 ID（当前未填写；预置音色和“{default}”均不算）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="308"/>
        <source>Voice cloning &apos;never&apos; uses a voice you cloned earlier: enter its voice id (got &apos;{voice}&apos;; preset voices and &apos;{default}&apos; do not count).</source>
        <translation>使用之前克隆的音色时，需要填写其音色 ID（当前为“{voice}”；预置音色和“{default}”均不算）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="317"/>
        <source>The voice {voice} does not speak {language}; choose one that does: {voices}.</source>
        <translation>音色 {voice} 不会说{language}；请选择会说该语言的音色：{voices}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="324"/>
        <source>No voice of {model} speaks {language}; turn voice output off.</source>
        <translation>{model} 没有会说{language}的音色；请关闭语音输出。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="329"/>
        <source>{model} cannot speak {language}, so this session shows the translation as text only.</source>
        <translation>{model} 无法朗读{language}，因此本次会话仅以文字显示译文。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="337"/>
        <source>Voice cloning is off because this session produces no translated voice.</source>
        <translation>由于本次会话不产生译文语音，声音克隆已关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="404"/>
        <source>Preview unavailable: this build has no audio output.</source>
        <translation>无法试听：此版本不支持音频输出。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="406"/>
        <source>Preview unavailable: add an API key or start the demo to hear voices.</source>
        <translation>无法试听：请添加 API 密钥或启动演示模式来试听音色。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="424"/>
        <source>Nothing to preview: this target language has no translated voice.</source>
        <translation>无可试听内容：此目标语言没有译文语音。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="432"/>
        <source>The service returned no voice for the preview; try again.</source>
        <translation>服务未返回试听语音；请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/voices.py" line="444"/>
        <source>Played {seconds:.1f} s of {voice}.</source>
        <translation>已播放 {voice} 的 {seconds:.1f} 秒语音。</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="42"/>
        <location filename="../../ui/dialogs/welcome.py" line="45"/>
        <source>Welcome to Live Interpreter</source>
        <translation>欢迎使用同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="49"/>
        <source>Live Interpreter translates speech as it is spoken, with captions and a translated voice, using Alibaba Cloud Model Studio (DashScope). To use the real service you need an API key from the Model Studio console.

No key yet? The demo runs entirely on this computer with a built-in stand-in for the service: every screen works, but the “translations” are placeholders and nothing is billed.</source>
        <translation>同声传译可在讲话的同时进行翻译，提供字幕和译文语音，由阿里云百炼（DashScope）提供服务。要使用真实服务，您需要在百炼控制台中获取 API 密钥。

还没有密钥？演示模式完全在本机运行，使用内置的服务模拟器：所有界面都能正常使用，但“译文”只是占位内容，也不会产生任何费用。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="57"/>
        <source>Enter your key…</source>
        <translation>输入密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/welcome.py" line="60"/>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
</context>
</TS>
