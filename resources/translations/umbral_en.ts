<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="21" />
        <source>Good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="23" />
        <source>Fair</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="25" />
        <source>Poor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="29" />
        <source>Not seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="71" />
        <source>Place the fingers on the glass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="73" />
        <source>Press harder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="75" />
        <source>Press more lightly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="77" />
        <source>Fingers too dry: moisten them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="79" />
        <source>Fingers too wet: dry them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="81" />
        <source>Centre the fingers on the glass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="83" />
        <source>Hold still</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="85" />
        <source>Lift and place again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="87" />
        <source>Open your eyes wider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="89" />
        <source>Look at the camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="91" />
        <source>Come closer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="93" />
        <source>Move back a little</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="95" />
        <source>Centre your eye in the frame</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="97" />
        <source>Officer: check the lighting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="105" />
        <source>Right thumb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="107" />
        <source>Right index</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="109" />
        <source>Right middle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="111" />
        <source>Right ring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="113" />
        <source>Right little</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="115" />
        <source>Left thumb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="117" />
        <source>Left index</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="119" />
        <source>Left middle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="121" />
        <source>Left ring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="123" />
        <source>Left little</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="125" />
        <source>Right hand, four fingers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="127" />
        <source>Left hand, four fingers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="129" />
        <source>Both thumbs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="133" />
        <source>Unknown finger</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="137" />
        <source>Left eye</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="138" />
        <source>Right eye</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="144" />
        <source>Amputated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="146" />
        <source>Bandaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="148" />
        <source>Unable to capture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="150" />
        <source>Refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="152" />
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="156" />
        <source>None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="163" />
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="165" />
        <source>Fingerprints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="167" />
        <source>Irises</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="169" />
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="171" />
        <source>Submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="173" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="181" />
        <source>GREEN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="183" />
        <source>YELLOW</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="185" />
        <source>RED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="189" />
        <source>NOT SCREENED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="195" />
        <source>Known or suspected terrorist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="197" />
        <source>Criminal warrant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="199" />
        <source>Immigration violation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="203" />
        <source>Other watchlist entry</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="186" />
        <source>Demo watchlist ready: %1 listed people.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/main.cpp" line="188" />
        <source>The demo watchlist could not be prepared: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::enrollment::CaptureSession</name>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="127" />
        <source>The fingerprint scanner reported a failure: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="165" />
        <source>The iris camera reported a failure: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="216" />
        <source>The fingerprint scanner was disconnected. Every finger captured so far is kept. Plug the scanner in again to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="227" />
        <source>The iris camera was disconnected. Every eye captured so far is kept. Plug the camera in again to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="474" />
        <source>Nothing was presented in time. Ask the traveler to present again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="475" />
        <source>The capture failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="490" />
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="527" />
        <source>The capture could not be used: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::enrollment::StationWriter</name>
    <message>
        <location filename="../../app/enrollment/station_writer.cpp" line="96" />
        <source>The encounter in progress could not be saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/enrollment/station_writer.cpp" line="135" />
        <source>A saved encounter could not be read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::CapturePanel</name>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="23" />
        <source>Tell the traveler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="38" />
        <source>&amp;Capture now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="40" />
        <source>&amp;Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="42" />
        <source>E&amp;xception…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="48" />
        <source>Tell the traveler:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="75" />
        <source>Auto-capture paused: press F6 to capture this again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="77" />
        <source>Auto-capture: waiting for good quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="79" />
        <source>Auto-capture: holding steady %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="87" />
        <source>✖ No %1 connected. Connect one to capture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="91" />
        <source>%1 ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="94" />
        <source>● Live: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="97" />
        <source>● Capturing on %1 — hold still</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="100" />
        <source>… Checking the capture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="103" />
        <source>✖ The %1 was DISCONNECTED. Everything captured so far is kept. Plug it in again to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="109" />
        <source>✖ The %1 failed. Press F6 to try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::DemoPanel</name>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="27" />
        <source> — ON THE DEMO WATCHLIST</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="37" />
        <source>Fingerprint scanners plugged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="40" />
        <source>Iris camera plugged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="42" />
        <source>&amp;Present this traveler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="44" />
        <source>Scan the &amp;passport (reader)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="46" />
        <source>Traveler &amp;leaves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="51" />
        <source>&amp;Traveler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="52" />
        <source>&amp;Fingers present as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="53" />
        <source>&amp;Eyes present as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="55" />
        <source>DEMO controls (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="71" />
        <source>Nobody at the devices.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="112" />
        <source>At the devices: %1 %2 (fingers %3, eyes %4).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::DeviceStrip</name>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="29" />
        <source>✔ Connected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="33" />
        <source>✖ Disconnected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="53" />
        <source>Iris camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="53" />
        <source>Fingerprint scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="56" />
        <source>IN USE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="60" />
        <source>Scanner in use DISCONNECTED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="62" />
        <source>Iris camera in use DISCONNECTED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="63" />
        <source>✖ No scanner or camera connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="64" />
        <source>Devices: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::DocumentPage</name>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="27" />
        <source>Document number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="29" />
        <source>Date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="31" />
        <source>Date of expiry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="33" />
        <source>Personal number / optional data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="35" />
        <source>Optional data 2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="37" />
        <source>Composite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="39" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="41" />
        <source>Sex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="43" />
        <source>Nationality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="45" />
        <source>Issuing state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="47" />
        <source>Document code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="51" />
        <source>Zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="57" />
        <source>Travel document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="59" />
        <source>&amp;Machine-readable zone (type it, or scan the page with the reader):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="71" />
        <source>Machine-readable zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="105" />
        <source>YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="107" />
        <source>YYMMDD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="110" />
        <source>— choose —</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="111" />
        <source>F (female)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="112" />
        <source>M (male)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="113" />
        <source>X (unspecified)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="117" />
        <source>S&amp;urname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="118" />
        <source>&amp;Given names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="119" />
        <source>Date of &amp;birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="120" />
        <source>Se&amp;x</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="121" />
        <source>Nationalit&amp;y</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="122" />
        <source>Document &amp;number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="123" />
        <source>Document c&amp;ode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="124" />
        <source>&amp;Issuing state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="125" />
        <source>Date of e&amp;xpiry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="127" />
        <source>I have &amp;checked these details against the data page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="139" />
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="215" />
        <source>surname</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="217" />
        <source>document number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="219" />
        <source>document code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="221" />
        <source>issuing state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="223" />
        <source>nationality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="225" />
        <source>date of birth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="227" />
        <source>sex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="267" />
        <source>No zone yet: scan the document, or type the zone or the details by hand.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="270" />
        <source>… Not a complete zone yet (%1 line(s) read).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="273" />
        <source>✔ Zone read: every check digit is correct (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="278" />
        <source>✖ Zone damaged: compare the details with the data page and correct them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="292" />
        <source>%1: check digit %2 correct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="294" />
        <source>%1: no check digit (field empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="296" />
        <source>%1: check digit WRONG — %2 printed, the data gives %3 (line %4, position %5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="303" />
        <source>%1: check digit UNREADABLE — '%2' printed (line %3, position %4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="313" />
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="316" />
        <source>The document has expired (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="319" />
        <source>The name fills the zone and may be cut short: check it on the data page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="330" />
        <source>▲ Still needed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="332" />
        <source>▲ Confirm that you checked the details against the data page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="334" />
        <source>✔ The document is complete.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::ExceptionDialog</name>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="19" />
        <source>Record an exception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="31" />
        <source>Required: what you saw (e.g. "amputated at the second joint")</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="37" />
        <source>&amp;Finger or eye</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="38" />
        <source>&amp;Exception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="39" />
        <source>&amp;Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="41" />
        <source>Record exception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="43" />
        <source>C&amp;lear exception</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="76" />
        <source>✖ %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::FingerprintPage</name>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="27" />
        <source>Presentations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="30" />
        <source>fingerprint scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="40" />
        <source>&amp;Presentations (F8 next, Shift+F8 previous):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="111" />
        <source>Scanner disconnected.
The fingers captured so far are kept.
Plug it in again to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="114" />
        <source>No fingerprint scanner connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="126" />
        <source>Waiting for the scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="154" />
        <source>%1 of %2 done</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/officer/fingerprint_page.cpp" line="156" />
        <source>, %n exception(s)</source>
        <translation>
            <numerusform>, %n exception</numerusform><numerusform>, %n exceptions</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="163" />
        <source>Fingerprints — no scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="165" />
        <source>Fingerprints — %1 (%2 of %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="177" />
        <source>▲ %1 and %2 look like the SAME finger: capture them again, one at a time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="180" />
        <source>▲ %1: the OTHER hand seems to have been placed. Check the hands and retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="238" />
        <source>Wrong hand? Check which hand is on the glass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="242" />
        <source>Good — hold still</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="259" />
        <source>✔ Captured automatically: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="259" />
        <source>✔ Captured: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="261" />
        <source>Captured again; the earlier, better capture is kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="266" />
        <source>▲ Not seen on the capture: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::IrisPage</name>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="32" />
        <source>iris camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="39" />
        <source>ISO/IEC 29794-6 metric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="39" />
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="39" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="52" />
        <source>&amp;Eyes (F8 other eye):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="106" />
        <source>✔ Captured automatically: %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="106" />
        <source>✔ Captured: %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="121" />
        <source>Iris camera disconnected.
The eyes captured so far are kept.
Plug it in again to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="124" />
        <source>No iris camera connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="143" />
        <source>not captured yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="149" />
        <source>Irises — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="159" />
        <source>Overall %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="160" />
        <source> — a metric fails</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="177" />
        <source>✔ pass</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="177" />
        <source>✖ fail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="188" />
        <source>Good — keep looking at the camera</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::LivePreview</name>
    <message>
        <location filename="../../ui/officer/live_preview.cpp" line="16" />
        <source>Live preview</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::LockPage</name>
    <message>
        <location filename="../../ui/lock_page.cpp" line="18" />
        <source>Station locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="26" />
        <source>&amp;Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="28" />
        <source>Sign out (another officer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="32" />
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="54" />
        <source>Signed in: %1. The work in progress is kept. Enter the password to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="75" />
        <source>✖ %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::LoginPage</name>
    <message>
        <location filename="../../ui/login_page.cpp" line="26" />
        <source>Umbral enrollment station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="37" />
        <source>&amp;Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="46" />
        <source>&amp;User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="47" />
        <source>&amp;Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="84" />
        <source>Error: enter your user name and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="88" />
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="99" />
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::OfficerWorkspace</name>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="55" />
        <source>Looking for an encounter in progress…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="64" />
        <source>&amp;Resume it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="66" />
        <source>&amp;Discard it and start a new traveler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="72" />
        <source>An encounter was in progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="91" />
        <source>Submitting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="92" />
        <source>The encounter is being stored and screened against the watchlist. Keep the traveler at the desk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="113" />
        <source>◀ &amp;Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="115" />
        <source>&amp;Next ▶</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="120" />
        <source>Keys [F1]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="230" />
        <source>It was saved when the station stopped. Traveler: %1 %2. Started %3. Fingers done: %4 of 10, eyes done: %5 of 2. Step: %6.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="232" />
        <source>(no name yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="242" />
        <source>A saved encounter could not be resumed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="373" />
        <source>Next is locked: confirm the details against the data page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="374" />
        <source>Next is locked: still needed: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="451" />
        <source>Alt+1 … Alt+4	open Document, Fingerprints, Irises, Review
Page Down / Alt+N	next step
Page Up / Alt+B	previous step
Ctrl+M	the machine-readable zone
F5	capture now
F6	retry (capture this presentation again)
F7	record an exception (amputated, bandaged, unable)
F8 / Shift+F8	next / previous presentation or eye
Ctrl+Enter	submit (Review), acknowledge (red result), resume (saved encounter)
Ctrl+N	next traveler (after the result)
Ctrl+L	sign out;  Ctrl+Shift+L	lock the station
Ctrl+,	settings (language, large text)
F12	demo controls (demo mode)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="468" />
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::ResultPage</name>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="32" />
        <source>I have called the supervisor: &amp;acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="36" />
        <source>&amp;Next traveler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="82" />
        <source>No watchlist match. Continue with the traveler.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="86" />
        <source>Stored and queued. No watchlist is loaded at this station: the traveler was NOT screened. Tell the supervisor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="93" />
        <source>Possible watchlist match. Refer the traveler to secondary inspection. A supervisor will review the alert.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="100" />
        <source>Watchlist hit. DO NOT TELL THE TRAVELER.
Call the supervisor now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="106" />
        <source>Screening did not run. The encounter is stored. Keep the traveler here and call the supervisor.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="112" />
        <source>NOT SCREENED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="116" />
        <source>Category: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="118" />
        <source>Alert number %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="120" />
        <source>Reason: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="123" />
        <source>Encounter %1 · transaction %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::ReviewPage</name>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="39" />
        <source>Review — check every capture, then submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="58" />
        <source>Captures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="68" />
        <source>&amp;Submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="73" />
        <source>Arrow keys move between captures; Enter opens one to capture it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="111" />
        <source>%1, %2 · sex %3 · born %4 · %5 · document %6 %7</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/officer/review_page.cpp" line="138" />
        <source> (%n attempts)</source>
        <translation>
            <numerusform> (%n attempt)</numerusform><numerusform> (%n attempts)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="141" />
        <source>○ MISSING</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="154" />
        <source>▲ %1 and %2 look like the same finger.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="155" />
        <source>▲ %1: the other hand seems to have been placed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="162" />
        <source>✖ The submission failed: %1. Nothing was lost; try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="164" />
        <source>▲ Not ready to submit: every finger and eye needs a capture or an exception.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="166" />
        <source>✔ Ready to submit.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::RoleWorkspace</name>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="14" />
        <source>Officer workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="17" />
        <source>Supervisor workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="20" />
        <source>Administrator workspace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="30" />
        <source>Signed in as %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="31" />
        <source>Sign &amp;out   [Ctrl+L]</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.cpp" line="13" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/settings_dialog.cpp" line="20" />
        <source>&amp;Large text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/settings_dialog.cpp" line="24" />
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::StationWindow</name>
    <message>
        <location filename="../../ui/station_window.cpp" line="20" />
        <location filename="../../ui/station_window.cpp" line="177" />
        <source>Umbral — %1 (DEMO)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="20" />
        <location filename="../../ui/station_window.cpp" line="177" />
        <source>Umbral — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="27" />
        <source>DEMO MODE — not for real travelers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="31" />
        <source>Settings [Ctrl+,]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="51" />
        <source>Lane %1 · demo mode: simulated devices and demo data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="52" />
        <source>Lane %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="103" />
        <source>Locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="111" />
        <location filename="../../ui/station_window.cpp" line="131" />
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>umbral::ui::StepIndicator</name>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="68" />
        <source>done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="68" />
        <source>to do</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="72" />
        <source>%1 of 10</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="76" />
        <source>%1 of 2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="79" />
        <source>ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="79" />
        <source>to check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="93" />
        <source> (now)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="95" />
        <source>Ctrl+Enter on Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="96" />
        <source>Alt+%1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>