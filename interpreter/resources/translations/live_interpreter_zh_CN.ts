<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaptionDelegate</name>
    <message>
        <location filename="../../ui/caption_view.py" line="187" />
        <source>Connection lost: {start}–{end} was not translated</source>
        <extracomment>Font sizes the user can pick (points). Below 9 pt captions become hard to read; above 40 pt a row no longer fits a laptop-sized Live tab (the presentation window is the place for larger text). Horizontal room for the "M:SS" time stamp column (in units of the font's average character width). Padding around a row's content and between its two paragraphs, px. The source line is drawn this much smaller than the translation (the audience reads the translation). Delay before re-measuring every row after a resize (ms): a drag-resize fires dozens of events; measuring thousands of rows once after the drag ends is cheap, doing it per event is not. "At the bottom" tolerance in pixels: a row's height change can leave the bar a few pixels off the maximum.</extracomment>
        <translation>连接中断：{start}–{end} 未被翻译</translation>
    </message>
</context>
<context>
    <name>CaptionView</name>
    <message>
        <location filename="../../ui/caption_view.py" line="236" />
        <source>Captions</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="238" />
        <source>Jump to live ↓</source>
        <translation>跳到最新 ↓</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="240" />
        <source>Auto-scroll is paused while you read back; click to follow again</source>
        <translation>回看时已暂停自动滚动；点击以继续跟随</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="328" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="329" />
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="330" />
        <source>Jump to live</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="331" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="332" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../ui/caption_view.py" line="333" />
        <source>Clear captions</source>
        <translation>清除字幕</translation>
    </message>
</context>
<context>
    <name>ComingTab</name>
    <message>
        <location filename="../../ui/widgets.py" line="127" />
        <source>Coming in a later version. Files you drop here are listed below and kept for then.</source>
        <translation>将在后续版本中提供。拖放到这里的文件会列在下方并保留到那时。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history.py" line="38" />
        <source>auto</source>
        <extracomment>Export formats written side by side (file suffix -&gt; journal method).</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="40" />
        <source> (interrupted)</source>
        <translation>（已中断）</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="41" />
        <source>{when}  {languages}  {duration}  {count} segments{state}</source>
        <translation>{when}  {languages}  {duration}  {count} 段{state}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="48" />
        <source>The last session ({when}, {count} segments) was interrupted. Everything up to then was saved; export it now?</source>
        <translation>上次会话（{when}，{count} 段）意外中断。中断前的内容均已保存；现在导出吗？</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="73" />
        <source>Export session to folder</source>
        <translation>将会话导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="83" />
        <source>Exported {names} to {folder}</source>
        <translation>已将 {names} 导出到 {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="96" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/history.py" line="104" />
        <source>Session history</source>
        <translation>会话历史</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="112" />
        <source>No sessions yet. Every live session is saved here automatically.</source>
        <translation>还没有会话。每次同传会话都会自动保存在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="115" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../ui/widgets.py" line="86" />
        <source>Input level</source>
        <translation>输入音量</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="98" />
        <source>Input level: {level:.0f} dBFS</source>
        <translation>输入音量：{level:.0f} dBFS</translation>
    </message>
</context>
<context>
    <name>LiveSessionViewModel</name>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="221" />
        <location filename="../../ui/viewmodels/live_session_vm.py" line="348" />
        <source>Connecting…</source>
        <extracomment>Input level is published at most every this many ms: a meter needs ~10 updates/s to look alive; 40 ms audio blocks would otherwise make 25 repaints per second for no visible gain. Session clock tick (ms) for the status bar duration.</extracomment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="274" />
        <source>Finishing…</source>
        <translation>正在结束…</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="327" />
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="328" />
        <source>Cost ≈ {amount}</source>
        <translation>费用 ≈ {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="332" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="337" />
        <source>Reconnected. Speech from the break was sent again.</source>
        <translation>已重新连接。中断期间的语音已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="340" />
        <source>Reconnecting… (attempt {n})</source>
        <translation>正在重新连接…（第 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="343" />
        <source> Next try in {s:.0f} s.</source>
        <translation>{s:.0f} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="345" />
        <source>Connection lost — reconnecting. Keep speaking: your speech is kept.</source>
        <translation>连接中断，正在重新连接。请继续讲话：您的语音会被保留。</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="350" />
        <location filename="../../ui/viewmodels/live_session_vm.py" line="424" />
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/live_session_vm.py" line="352" />
        <location filename="../../ui/viewmodels/live_session_vm.py" line="372" />
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../../ui/live_tab.py" line="76" />
        <source>Text + voice</source>
        <extracomment>Preview thumbnail size (px): enough to recognise a slide or a face, small enough not to crowd the controls.</extracomment>
        <translation>文字 + 语音</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="77" />
        <source>Text only</source>
        <translation>仅文字</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="79" />
        <source>Voices…</source>
        <translation>音色…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="81" />
        <source>Hotwords…</source>
        <translation>热词…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="87" />
        <source>Interpretation</source>
        <translation>同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="89" />
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="90" />
        <source>&amp;From:</source>
        <translation>源语言(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="91" />
        <source>&amp;To:</source>
        <translation>目标语言(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="92" />
        <source>&amp;Output:</source>
        <translation>输出(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="96" />
        <source>Voice:</source>
        <translation>音色：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="100" />
        <source>Hotwords:</source>
        <translation>热词：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="116" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="118" />
        <source>M&amp;icrophone:</source>
        <translation>麦克风(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="119" />
        <source>Level:</source>
        <translation>音量：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="120" />
        <source>&amp;Voice to:</source>
        <translation>语音输出到(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="121" />
        <source>Also to:</source>
        <translation>同时输出到：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="122" />
        <source>&amp;Picture:</source>
        <translation>画面(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="134" />
        <source>Presentation window</source>
        <translation>演示窗口</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="135" />
        <source>Large captions for the audience (F11 in the window: full screen)</source>
        <translation>为观众显示大字幕（在窗口中按 F11 全屏）</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="160" />
        <source>Caption text size</source>
        <translation>字幕字号</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="161" />
        <source>Show source text</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="163" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="164" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="166" />
        <source>Text size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="233" />
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="236" />
        <source>text only</source>
        <translation>仅文字</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="243" />
        <source>The model cannot speak this language yet: captions only.</source>
        <translation>该模型暂不支持用此语言朗读：仅显示字幕。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="247" />
        <source>{voice} (default)</source>
        <translation>{voice}（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="250" />
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="251" />
        <source>{name}: {count} terms</source>
        <translation>{name}：{count} 个词条</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="253" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="268" />
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="273" />
        <source>Do not play here</source>
        <translation>不在本机播放</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="278" />
        <source>Nowhere else</source>
        <translation>不输出到其他设备</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="288" />
        <source>No picture</source>
        <translation>不发送画面</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="297" />
        <source>Preview
while live</source>
        <translation>开始后
显示预览</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="298" />
        <source>Pictures are sent when they change, at most 2 per second.</source>
        <translation>画面变化时才发送，每秒最多 2 张。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="305" />
        <source>Choose a video or an image to show the model</source>
        <translation>选择要给模型看的视频或图片</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="307" />
        <source>Videos and images (*.mp4 *.mkv *.mov *.avi *.webm *.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>视频和图片 (*.mp4 *.mkv *.mov *.avi *.webm *.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="318" />
        <source>Pictures sent: {frames}
Image tokens: {tokens}</source>
        <translation>已发送画面：{frames} 张
图像 token：{tokens}</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="324" />
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="325" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="326" />
        <source>Live: speak now.</source>
        <translation>同传中：请讲话。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="327" />
        <source>Connection lost, reconnecting… your speech is kept and resent.</source>
        <translation>连接中断，正在重新连接…您的语音会被保留并重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="328" />
        <source>Finishing the last sentence…</source>
        <translation>正在完成最后一句…</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="329" />
        <source>Stopped after an error.</source>
        <translation>出错后已停止。</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="332" />
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="332" />
        <source>● Start</source>
        <translation>● 开始</translation>
    </message>
    <message>
        <location filename="../../ui/live_tab.py" line="333" />
        <source>Start or stop interpreting (Ctrl+Enter)</source>
        <translation>开始或停止同传（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58" />
        <source>Not available yet.</source>
        <extracomment>Default window size (px): room for the controls row and ~8 caption pairs on a 1366x768 laptop.</extracomment>
        <translation>暂不可用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Translate recordings, videos and subtitle files, with a queue, progress and a cost estimate.</source>
        <translation>翻译录音、视频和字幕文件，支持队列、进度显示和费用估算。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Translate the text in screenshots, scans and product images, keeping the layout.</source>
        <translation>翻译截图、扫描件和商品图片中的文字，并保留原有版式。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>OCR</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Read text from images and the screen, then translate it.</source>
        <translation>识别图片和屏幕上的文字，然后进行翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>&amp;Live</source>
        <translation>同传(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80" />
        <source>&amp;Files</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>&amp;Images</source>
        <translation>图片(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82" />
        <source>&amp;OCR</source>
        <translation>文字识别(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>Demo — not real translation. Output comes from the built-in emulator.</source>
        <translation>演示模式——并非真实翻译。输出来自内置模拟器。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>Latency {s:.1f} s</source>
        <translation>延迟 {s:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>Live Interpreter</source>
        <translation>同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source> — Demo</source>
        <translation> — 演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>Not opened: {names}. Live Interpreter opens audio, video, subtitle, text and image files.</source>
        <translation>未打开：{names}。同声传译可以打开音频、视频、字幕、文本和图片文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Finishing the session before closing…</source>
        <translation>正在结束会话，随后关闭…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188" />
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>Latency —</source>
        <translation>延迟 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191" />
        <source>From the end of speech to its final translation, last segment</source>
        <translation>最近一段从讲话结束到最终译文出现的时间</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Session duration</source>
        <translation>会话时长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>Cost —</source>
        <translation>费用 —</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>Estimated cost of this session (the service's bill is authoritative)</source>
        <translation>本次会话的估算费用（以服务商账单为准）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200" />
        <source>Demo — not real translation</source>
        <translation>演示模式——并非真实翻译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>&amp;Open files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217" />
        <source>Session &amp;history…</source>
        <translation>会话历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220" />
        <source>&amp;Export this session…</source>
        <translation>导出本次会话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225" />
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>&amp;Start / Stop</source>
        <translation>开始 / 停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230" />
        <source>&amp;Presentation window</source>
        <translation>演示窗口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>&amp;Clear captions</source>
        <translation>清除字幕(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238" />
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241" />
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243" />
        <source>Show &amp;source text</source>
        <translation>显示原文(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>&amp;Jump to live captions</source>
        <translation>跳到最新字幕(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253" />
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256" />
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263" />
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>&amp;API key…</source>
        <translation>API 密钥(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266" />
        <source>&amp;Voices…</source>
        <translation>音色(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267" />
        <source>&amp;Hotwords…</source>
        <translation>热词(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268" />
        <source>&amp;Welcome guide…</source>
        <translation>欢迎向导(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>&amp;About Live Interpreter</source>
        <translation>关于同声传译(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277" />
        <source>Open files to translate</source>
        <translation>打开要翻译的文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284" />
        <source>About Live Interpreter</source>
        <translation>关于同声传译</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="285" />
        <source>Live Interpreter {version}
Live speech interpretation with Alibaba Cloud Model Studio.</source>
        <translation>同声传译 {version}
基于阿里云百炼的实时语音同声传译。</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../ui/widgets.py" line="37" />
        <source>Dismiss</source>
        <extracomment>Level meter range: -60 dBFS is silence for speech purposes (room noise sits around -60..-50), 0 dBFS is clipping. Above this the meter turns amber: speech peaking higher than -6 dBFS risks clipping.</extracomment>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../ui/presentation_window.py" line="67" />
        <source>Live Interpreter — Presentation</source>
        <extracomment>How many of the newest rows to consider; older ones would be pushed off the top anyway at presentation sizes. Margin around the text, as a fraction of the window width (projectors crop edges; 4 % keeps text visible). Space between caption pairs, as a fraction of the font height.</extracomment>
        <translation>同声传译 — 演示窗口</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="184" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="186" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="190" />
        <source>Both languages</source>
        <translation>双语显示</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="192" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_window.py" line="197" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app.py" line="207" />
        <source>Your key is saved: new sessions use the real service and are billed.</source>
        <extracomment>Self-test budget: the sample is ~6 s of speech played in real time, plus connect and finish. 60 s leaves room for a loaded CI machine while still failing a hung run.</extracomment>
        <translation>密钥已保存：新的会话将使用真实服务并产生费用。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="250" />
        <source>Bundled speech sample</source>
        <translation>内置语音样本</translation>
    </message>
    <message>
        <location filename="../../app.py" line="252" />
        <location filename="../../app.py" line="264" />
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../app.py" line="318" />
        <source>The new language applies the next time you start Live Interpreter.</source>
        <translation>新的界面语言将在下次启动同声传译时生效。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="329" />
        <source>There is no session to export yet.</source>
        <translation>还没有可以导出的会话。</translation>
    </message>
    <message>
        <location filename="../../app.py" line="348" />
        <source>Recover…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="362" />
        <source>Something went wrong inside the app; it was written to the log. You can keep working.</source>
        <translation>应用内部出现问题，详情已写入日志。您可以继续使用。</translation>
    </message>
</context>
<context>
    <name>VisualFeed</name>
    <message>
        <location filename="../../ui/viewmodels/visual_feed.py" line="97" />
        <source>the source could not be read</source>
        <extracomment>Preview rate: enough to aim a camera or see a slide change, a small share of the Qt thread's time. Preview frames are decimated to at most this width before the QImage copy (the label shows ~160 px; twice that keeps the scaled thumbnail sharp on high-DPI screens).</extracomment>
        <translation>无法读取画面来源</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual_feed.py" line="99" />
        <source>The picture stopped ({reason}); interpretation goes on with sound only.</source>
        <translation>画面已停止（{reason}）；同传将仅凭声音继续进行。</translation>
    </message>
</context>
<context>
    <name>VisualSources</name>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="32" />
        <location filename="../../ui/viewmodels/visual.py" line="43" />
        <source>Camera {n}</source>
        <extracomment>Picker entry that opens a file chooser (never stored). Where Linux lists video devices; each camera has one node whose ``index`` is 0 (its capture node), the others are metadata nodes OpenCV cannot read. Cameras offered unprobed where they cannot be listed without opening them (opening is slow and may light the camera's LED): the first two indexes cover a built-in plus one USB camera.</extracomment>
        <translation>摄像头 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="56" />
        <source>Screen {n}</source>
        <translation>屏幕 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="66" />
        <source>File: {name}</source>
        <translation>文件：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/viewmodels/visual.py" line="75" />
        <source>Video or image file…</source>
        <translation>视频或图片文件…</translation>
    </message>
</context>
</TS>