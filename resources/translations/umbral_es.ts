<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="21" />
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="23" />
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="25" />
        <source>Poor</source>
        <translation>Mala</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="29" />
        <source>Not seen</source>
        <translation>No se ve</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="71" />
        <source>Place the fingers on the glass</source>
        <translation>Ponga los dedos sobre el cristal</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="73" />
        <source>Press harder</source>
        <translation>Presione más fuerte</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="75" />
        <source>Press more lightly</source>
        <translation>Presione más suave</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="77" />
        <source>Fingers too dry: moisten them</source>
        <translation>Dedos muy secos: humedézcalos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="79" />
        <source>Fingers too wet: dry them</source>
        <translation>Dedos muy húmedos: séquelos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="81" />
        <source>Centre the fingers on the glass</source>
        <translation>Centre los dedos en el cristal</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="83" />
        <source>Hold still</source>
        <translation>No se mueva</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="85" />
        <source>Lift and place again</source>
        <translation>Levante y vuelva a apoyar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="87" />
        <source>Open your eyes wider</source>
        <translation>Abra más los ojos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="89" />
        <source>Look at the camera</source>
        <translation>Mire a la cámara</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="91" />
        <source>Come closer</source>
        <translation>Acérquese</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="93" />
        <source>Move back a little</source>
        <translation>Aléjese un poco</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="95" />
        <source>Centre your eye in the frame</source>
        <translation>Centre el ojo en la imagen</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="97" />
        <source>Officer: check the lighting</source>
        <translation>Agente: revise la iluminación</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="105" />
        <source>Right thumb</source>
        <translation>Pulgar derecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="107" />
        <source>Right index</source>
        <translation>Índice derecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="109" />
        <source>Right middle</source>
        <translation>Medio derecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="111" />
        <source>Right ring</source>
        <translation>Anular derecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="113" />
        <source>Right little</source>
        <translation>Meñique derecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="115" />
        <source>Left thumb</source>
        <translation>Pulgar izquierdo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="117" />
        <source>Left index</source>
        <translation>Índice izquierdo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="119" />
        <source>Left middle</source>
        <translation>Medio izquierdo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="121" />
        <source>Left ring</source>
        <translation>Anular izquierdo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="123" />
        <source>Left little</source>
        <translation>Meñique izquierdo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="125" />
        <source>Right hand, four fingers</source>
        <translation>Mano derecha, cuatro dedos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="127" />
        <source>Left hand, four fingers</source>
        <translation>Mano izquierda, cuatro dedos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="129" />
        <source>Both thumbs</source>
        <translation>Ambos pulgares</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="133" />
        <source>Unknown finger</source>
        <translation>Dedo desconocido</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="137" />
        <source>Left eye</source>
        <translation>Ojo izquierdo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="138" />
        <source>Right eye</source>
        <translation>Ojo derecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="144" />
        <source>Amputated</source>
        <translation>Amputado</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="146" />
        <source>Bandaged</source>
        <translation>Vendado</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="148" />
        <source>Unable to capture</source>
        <translation>Imposible de capturar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="150" />
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="152" />
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="156" />
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="163" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="165" />
        <source>Fingerprints</source>
        <translation>Huellas</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="167" />
        <source>Irises</source>
        <translation>Iris</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="169" />
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="171" />
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="173" />
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="181" />
        <source>GREEN</source>
        <translation>VERDE</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="183" />
        <source>YELLOW</source>
        <translation>AMARILLO</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="185" />
        <source>RED</source>
        <translation>ROJO</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="189" />
        <source>NOT SCREENED</source>
        <translation>SIN COTEJO</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="195" />
        <source>Known or suspected terrorist</source>
        <translation>Terrorista conocido o sospechoso</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="197" />
        <source>Criminal warrant</source>
        <translation>Orden de captura</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="199" />
        <source>Immigration violation</source>
        <translation>Infracción migratoria</translation>
    </message>
    <message>
        <location filename="../../ui/officer/labels.cpp" line="203" />
        <source>Other watchlist entry</source>
        <translation>Otra entrada de la lista</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="186" />
        <source>Demo watchlist ready: %1 listed people.</source>
        <translation>Lista de vigilancia de demostración lista: %1 personas.</translation>
    </message>
    <message>
        <location filename="../../app/main.cpp" line="188" />
        <source>The demo watchlist could not be prepared: %1</source>
        <translation>No se pudo preparar la lista de demostración: %1</translation>
    </message>
</context>
<context>
    <name>umbral::enrollment::CaptureSession</name>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="127" />
        <source>The fingerprint scanner reported a failure: %1</source>
        <translation>El lector de huellas informó un fallo: %1</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="165" />
        <source>The iris camera reported a failure: %1</source>
        <translation>La cámara de iris informó un fallo: %1</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="216" />
        <source>The fingerprint scanner was disconnected. Every finger captured so far is kept. Plug the scanner in again to continue.</source>
        <translation>El lector de huellas se desconectó. Se conservan todos los dedos capturados. Vuelva a conectarlo para continuar.</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="227" />
        <source>The iris camera was disconnected. Every eye captured so far is kept. Plug the camera in again to continue.</source>
        <translation>La cámara de iris se desconectó. Se conservan los ojos capturados. Vuelva a conectarla para continuar.</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="474" />
        <source>Nothing was presented in time. Ask the traveler to present again.</source>
        <translation>No se presentó nada a tiempo. Pida al viajero que lo intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="475" />
        <source>The capture failed: %1</source>
        <translation>La captura falló: %1</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="490" />
        <location filename="../../app/enrollment/capture/capture_session.cpp" line="527" />
        <source>The capture could not be used: %1</source>
        <translation>La captura no se pudo usar: %1</translation>
    </message>
</context>
<context>
    <name>umbral::enrollment::StationWriter</name>
    <message>
        <location filename="../../app/enrollment/station_writer.cpp" line="96" />
        <source>The encounter in progress could not be saved: %1</source>
        <translation>No se pudo guardar el registro en curso: %1</translation>
    </message>
    <message>
        <location filename="../../app/enrollment/station_writer.cpp" line="135" />
        <source>A saved encounter could not be read: %1</source>
        <translation>No se pudo leer un registro guardado: %1</translation>
    </message>
</context>
<context>
    <name>umbral::ui::CapturePanel</name>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="23" />
        <source>Tell the traveler</source>
        <translation>Indique al viajero</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="38" />
        <source>&amp;Capture now</source>
        <translation>&amp;Capturar ahora</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="40" />
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="42" />
        <source>E&amp;xception…</source>
        <translation>E&amp;xcepción…</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="48" />
        <source>Tell the traveler:</source>
        <translation>Indique al viajero:</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="75" />
        <source>Auto-capture paused: press F6 to capture this again</source>
        <translation>Captura automática en pausa: pulse F6 para volver a capturar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="77" />
        <source>Auto-capture: waiting for good quality</source>
        <translation>Captura automática: esperando buena calidad</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="79" />
        <source>Auto-capture: holding steady %1 of %2</source>
        <translation>Captura automática: estable %1 de %2</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="87" />
        <source>✖ No %1 connected. Connect one to capture.</source>
        <translation>✖ No hay %1 conectado. Conecte uno para capturar.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="91" />
        <source>%1 ready</source>
        <translation>%1 listo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="94" />
        <source>● Live: %1</source>
        <translation>● En vivo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="97" />
        <source>● Capturing on %1 — hold still</source>
        <translation>● Capturando en %1 — no se mueva</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="100" />
        <source>… Checking the capture</source>
        <translation>… Comprobando la captura</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="103" />
        <source>✖ The %1 was DISCONNECTED. Everything captured so far is kept. Plug it in again to continue.</source>
        <translation>✖ El %1 se DESCONECTÓ. Se conserva todo lo capturado. Vuelva a conectarlo para continuar.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/capture_panel.cpp" line="109" />
        <source>✖ The %1 failed. Press F6 to try again.</source>
        <translation>✖ El %1 falló. Pulse F6 para reintentar.</translation>
    </message>
</context>
<context>
    <name>umbral::ui::DemoPanel</name>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="27" />
        <source> — ON THE DEMO WATCHLIST</source>
        <translation> — EN LA LISTA DE DEMOSTRACIÓN</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="37" />
        <source>Fingerprint scanners plugged in</source>
        <translation>Lectores de huellas conectados</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="40" />
        <source>Iris camera plugged in</source>
        <translation>Cámara de iris conectada</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="42" />
        <source>&amp;Present this traveler</source>
        <translation>&amp;Presentar a este viajero</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="44" />
        <source>Scan the &amp;passport (reader)</source>
        <translation>Leer el &amp;pasaporte (lector)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="46" />
        <source>Traveler &amp;leaves</source>
        <translation>El viajero se &amp;va</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="51" />
        <source>&amp;Traveler</source>
        <translation>&amp;Viajero</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="52" />
        <source>&amp;Fingers present as</source>
        <translation>&amp;Dedos como</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="53" />
        <source>&amp;Eyes present as</source>
        <translation>&amp;Ojos como</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="55" />
        <source>DEMO controls (F12)</source>
        <translation>Controles de DEMOSTRACIÓN (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="71" />
        <source>Nobody at the devices.</source>
        <translation>Nadie ante los dispositivos.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/demo_panel.cpp" line="112" />
        <source>At the devices: %1 %2 (fingers %3, eyes %4).</source>
        <translation>Ante los dispositivos: %1 %2 (dedos %3, ojos %4).</translation>
    </message>
</context>
<context>
    <name>umbral::ui::DeviceStrip</name>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="29" />
        <source>✔ Connected: %1</source>
        <translation>✔ Conectado: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="33" />
        <source>✖ Disconnected: %1</source>
        <translation>✖ Desconectado: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="53" />
        <source>Iris camera</source>
        <translation>Cámara de iris</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="53" />
        <source>Fingerprint scanner</source>
        <translation>Lector de huellas</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="56" />
        <source>IN USE</source>
        <translation>EN USO</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="60" />
        <source>Scanner in use DISCONNECTED</source>
        <translation>Lector en uso DESCONECTADO</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="62" />
        <source>Iris camera in use DISCONNECTED</source>
        <translation>Cámara de iris en uso DESCONECTADA</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="63" />
        <source>✖ No scanner or camera connected</source>
        <translation>✖ Ningún lector ni cámara conectados</translation>
    </message>
    <message>
        <location filename="../../ui/officer/device_strip.cpp" line="64" />
        <source>Devices: </source>
        <translation>Dispositivos: </translation>
    </message>
</context>
<context>
    <name>umbral::ui::DocumentPage</name>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="27" />
        <source>Document number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="29" />
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="31" />
        <source>Date of expiry</source>
        <translation>Fecha de caducidad</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="33" />
        <source>Personal number / optional data</source>
        <translation>Número personal / datos opcionales</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="35" />
        <source>Optional data 2</source>
        <translation>Datos opcionales 2</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="37" />
        <source>Composite</source>
        <translation>Compuesto</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="39" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="41" />
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="43" />
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="45" />
        <source>Issuing state</source>
        <translation>Estado emisor</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="47" />
        <source>Document code</source>
        <translation>Código de documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="51" />
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="57" />
        <source>Travel document</source>
        <translation>Documento de viaje</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="59" />
        <source>&amp;Machine-readable zone (type it, or scan the page with the reader):</source>
        <translation>&amp;Zona de lectura mecánica (escríbala o pase la página por el lector):</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="71" />
        <source>Machine-readable zone</source>
        <translation>Zona de lectura mecánica</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="105" />
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="107" />
        <source>YYMMDD</source>
        <translation>AAMMDD</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="110" />
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="111" />
        <source>F (female)</source>
        <translation>F (femenino)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="112" />
        <source>M (male)</source>
        <translation>M (masculino)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="113" />
        <source>X (unspecified)</source>
        <translation>X (sin especificar)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="117" />
        <source>S&amp;urname</source>
        <translation>A&amp;pellidos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="118" />
        <source>&amp;Given names</source>
        <translation>&amp;Nombres</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="119" />
        <source>Date of &amp;birth</source>
        <translation>Fecha de na&amp;cimiento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="120" />
        <source>Se&amp;x</source>
        <translation>Se&amp;xo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="121" />
        <source>Nationalit&amp;y</source>
        <translation>Nacionalida&amp;d</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="122" />
        <source>Document &amp;number</source>
        <translation>&amp;Número de documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="123" />
        <source>Document c&amp;ode</source>
        <translation>Có&amp;digo de documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="124" />
        <source>&amp;Issuing state</source>
        <translation>&amp;Estado emisor</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="125" />
        <source>Date of e&amp;xpiry</source>
        <translation>Fecha de caducidad</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="127" />
        <source>I have &amp;checked these details against the data page</source>
        <translation>He &amp;comprobado estos datos con la página de datos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="139" />
        <source>Details</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="215" />
        <source>surname</source>
        <translation>apellidos</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="217" />
        <source>document number</source>
        <translation>número de documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="219" />
        <source>document code</source>
        <translation>código de documento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="221" />
        <source>issuing state</source>
        <translation>estado emisor</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="223" />
        <source>nationality</source>
        <translation>nacionalidad</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="225" />
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="227" />
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="267" />
        <source>No zone yet: scan the document, or type the zone or the details by hand.</source>
        <translation>Aún no hay zona: pase el documento por el lector o escriba la zona o los datos a mano.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="270" />
        <source>… Not a complete zone yet (%1 line(s) read).</source>
        <translation>… La zona aún no está completa (%1 línea(s) leída(s)).</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="273" />
        <source>✔ Zone read: every check digit is correct (%1).</source>
        <translation>✔ Zona leída: todos los dígitos de control son correctos (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="278" />
        <source>✖ Zone damaged: compare the details with the data page and correct them.</source>
        <translation>✖ Zona dañada: compare los datos con la página de datos y corríjalos.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="292" />
        <source>%1: check digit %2 correct</source>
        <translation>%1: dígito de control %2 correcto</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="294" />
        <source>%1: no check digit (field empty)</source>
        <translation>%1: sin dígito de control (campo vacío)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="296" />
        <source>%1: check digit WRONG — %2 printed, the data gives %3 (line %4, position %5)</source>
        <translation>%1: dígito de control ERRÓNEO — impreso %2, los datos dan %3 (línea %4, posición %5)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="303" />
        <source>%1: check digit UNREADABLE — '%2' printed (line %3, position %4)</source>
        <translation>%1: dígito de control ILEGIBLE — impreso '%2' (línea %3, posición %4)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="313" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="316" />
        <source>The document has expired (%1).</source>
        <translation>El documento está caducado (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="319" />
        <source>The name fills the zone and may be cut short: check it on the data page.</source>
        <translation>El nombre llena la zona y puede estar recortado: compruébelo en la página de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="330" />
        <source>▲ Still needed: %1</source>
        <translation>▲ Falta: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="332" />
        <source>▲ Confirm that you checked the details against the data page.</source>
        <translation>▲ Confirme que comprobó los datos con la página de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/document_page.cpp" line="334" />
        <source>✔ The document is complete.</source>
        <translation>✔ El documento está completo.</translation>
    </message>
</context>
<context>
    <name>umbral::ui::ExceptionDialog</name>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="19" />
        <source>Record an exception</source>
        <translation>Registrar una excepción</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="31" />
        <source>Required: what you saw (e.g. "amputated at the second joint")</source>
        <translation>Obligatorio: lo que vio (p. ej. «amputado en la segunda falange»)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="37" />
        <source>&amp;Finger or eye</source>
        <translation>&amp;Dedo u ojo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="38" />
        <source>&amp;Exception</source>
        <translation>&amp;Excepción</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="39" />
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="41" />
        <source>Record exception</source>
        <translation>Registrar excepción</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="43" />
        <source>C&amp;lear exception</source>
        <translation>&amp;Quitar excepción</translation>
    </message>
    <message>
        <location filename="../../ui/officer/exception_dialog.cpp" line="76" />
        <source>✖ %1</source>
        <translation>✖ %1</translation>
    </message>
</context>
<context>
    <name>umbral::ui::FingerprintPage</name>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="27" />
        <source>Presentations</source>
        <translation>Presentaciones</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="30" />
        <source>fingerprint scanner</source>
        <translation>lector de huellas</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="40" />
        <source>&amp;Presentations (F8 next, Shift+F8 previous):</source>
        <translation>&amp;Presentaciones (F8 siguiente, Mayús+F8 anterior):</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="111" />
        <source>Scanner disconnected.
The fingers captured so far are kept.
Plug it in again to continue.</source>
        <translation>Lector desconectado.
Se conservan los dedos capturados.
Vuelva a conectarlo para continuar.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="114" />
        <source>No fingerprint scanner connected.</source>
        <translation>No hay lector de huellas conectado.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="126" />
        <source>Waiting for the scanner</source>
        <translation>Esperando al lector</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="154" />
        <source>%1 of %2 done</source>
        <translation>%1 de %2 hechos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/officer/fingerprint_page.cpp" line="156" />
        <source>, %n exception(s)</source>
        <translation>
            <numerusform>, %n excepción</numerusform><numerusform>, %n excepciones</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="163" />
        <source>Fingerprints — no scanner</source>
        <translation>Huellas — sin lector</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="165" />
        <source>Fingerprints — %1 (%2 of %3)</source>
        <translation>Huellas — %1 (%2 de %3)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="177" />
        <source>▲ %1 and %2 look like the SAME finger: capture them again, one at a time.</source>
        <translation>▲ %1 y %2 parecen el MISMO dedo: captúrelos de nuevo, uno cada vez.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="180" />
        <source>▲ %1: the OTHER hand seems to have been placed. Check the hands and retry.</source>
        <translation>▲ %1: parece que se puso la OTRA mano. Compruebe las manos y reintente.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="238" />
        <source>Wrong hand? Check which hand is on the glass</source>
        <translation>¿Mano equivocada? Compruebe qué mano está en el cristal</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="242" />
        <source>Good — hold still</source>
        <translation>Bien — no se mueva</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="259" />
        <source>✔ Captured automatically: %1</source>
        <translation>✔ Capturado automáticamente: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="259" />
        <source>✔ Captured: %1</source>
        <translation>✔ Capturado: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="261" />
        <source>Captured again; the earlier, better capture is kept.</source>
        <translation>Capturado de nuevo; se conserva la captura anterior, que es mejor.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/fingerprint_page.cpp" line="266" />
        <source>▲ Not seen on the capture: %1</source>
        <translation>▲ No se ve en la captura: %1</translation>
    </message>
</context>
<context>
    <name>umbral::ui::IrisPage</name>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="32" />
        <source>iris camera</source>
        <translation>cámara de iris</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="39" />
        <source>ISO/IEC 29794-6 metric</source>
        <translation>Métrica ISO/IEC 29794-6</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="39" />
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="39" />
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="52" />
        <source>&amp;Eyes (F8 other eye):</source>
        <translation>&amp;Ojos (F8 el otro ojo):</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="106" />
        <source>✔ Captured automatically: %1 %2</source>
        <translation>✔ Capturado automáticamente: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="106" />
        <source>✔ Captured: %1 %2</source>
        <translation>✔ Capturado: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="121" />
        <source>Iris camera disconnected.
The eyes captured so far are kept.
Plug it in again to continue.</source>
        <translation>Cámara de iris desconectada.
Se conservan los ojos capturados.
Vuelva a conectarla para continuar.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="124" />
        <source>No iris camera connected.</source>
        <translation>No hay cámara de iris conectada.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="143" />
        <source>not captured yet</source>
        <translation>aún sin capturar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="149" />
        <source>Irises — %1</source>
        <translation>Iris — %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="159" />
        <source>Overall %1</source>
        <translation>Global %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="160" />
        <source> — a metric fails</source>
        <translation> — falla una métrica</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="177" />
        <source>✔ pass</source>
        <translation>✔ cumple</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="177" />
        <source>✖ fail</source>
        <translation>✖ no cumple</translation>
    </message>
    <message>
        <location filename="../../ui/officer/iris_page.cpp" line="188" />
        <source>Good — keep looking at the camera</source>
        <translation>Bien — siga mirando a la cámara</translation>
    </message>
</context>
<context>
    <name>umbral::ui::LivePreview</name>
    <message>
        <location filename="../../ui/officer/live_preview.cpp" line="16" />
        <source>Live preview</source>
        <translation>Vista en vivo</translation>
    </message>
</context>
<context>
    <name>umbral::ui::LockPage</name>
    <message>
        <location filename="../../ui/lock_page.cpp" line="18" />
        <source>Station locked</source>
        <translation>Estación bloqueada</translation>
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="26" />
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="28" />
        <source>Sign out (another officer)</source>
        <translation>Cerrar sesión (otro agente)</translation>
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="32" />
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="54" />
        <source>Signed in: %1. The work in progress is kept. Enter the password to continue.</source>
        <translation>Sesión de %1. El trabajo en curso se conserva. Escriba la contraseña para continuar.</translation>
    </message>
    <message>
        <location filename="../../ui/lock_page.cpp" line="75" />
        <source>✖ %1</source>
        <translation>✖ %1</translation>
    </message>
</context>
<context>
    <name>umbral::ui::LoginPage</name>
    <message>
        <location filename="../../ui/login_page.cpp" line="26" />
        <source>Umbral enrollment station</source>
        <translation>Estación de registro Umbral</translation>
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="37" />
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="46" />
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="47" />
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="84" />
        <source>Error: enter your user name and password.</source>
        <translation>Error: escriba su usuario y su contraseña.</translation>
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="88" />
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../../ui/login_page.cpp" line="99" />
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>umbral::ui::OfficerWorkspace</name>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="55" />
        <source>Looking for an encounter in progress…</source>
        <translation>Buscando un registro en curso…</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="64" />
        <source>&amp;Resume it</source>
        <translation>&amp;Reanudarlo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="66" />
        <source>&amp;Discard it and start a new traveler</source>
        <translation>&amp;Descartarlo y empezar un viajero nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="72" />
        <source>An encounter was in progress</source>
        <translation>Había un registro en curso</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="91" />
        <source>Submitting…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="92" />
        <source>The encounter is being stored and screened against the watchlist. Keep the traveler at the desk.</source>
        <translation>El registro se está guardando y cotejando con la lista de vigilancia. Mantenga al viajero en el puesto.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="113" />
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="115" />
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="120" />
        <source>Keys [F1]</source>
        <translation>Teclas [F1]</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="230" />
        <source>It was saved when the station stopped. Traveler: %1 %2. Started %3. Fingers done: %4 of 10, eyes done: %5 of 2. Step: %6.</source>
        <translation>Se guardó cuando la estación se detuvo. Viajero: %1 %2. Empezado a las %3. Dedos hechos: %4 de 10, ojos hechos: %5 de 2. Paso: %6.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="232" />
        <source>(no name yet)</source>
        <translation>(aún sin nombre)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="242" />
        <source>A saved encounter could not be resumed: %1</source>
        <translation>No se pudo reanudar un registro guardado: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="373" />
        <source>Next is locked: confirm the details against the data page.</source>
        <translation>Siguiente bloqueado: confirme los datos con la página de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="374" />
        <source>Next is locked: still needed: %1.</source>
        <translation>Siguiente bloqueado: falta %1.</translation>
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
        <translation>Alt+1 … Alt+4	abrir Documento, Huellas, Iris, Revisión
Av Pág / Alt+S	paso siguiente
Re Pág / Alt+A	paso anterior
Ctrl+M	la zona de lectura mecánica
F5	capturar ahora
F6	reintentar (capturar de nuevo esta presentación)
F7	registrar una excepción (amputado, vendado, imposible)
F8 / Mayús+F8	presentación u ojo siguiente / anterior
Ctrl+Intro	enviar (Revisión), confirmar (resultado rojo), reanudar (registro guardado)
Ctrl+N	siguiente viajero (tras el resultado)
Ctrl+L	cerrar sesión;  Ctrl+Mayús+L	bloquear la estación
Ctrl+,	ajustes (idioma, texto grande)
F12	controles de demostración (modo demostración)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/officer_workspace.cpp" line="468" />
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>umbral::ui::ResultPage</name>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="32" />
        <source>I have called the supervisor: &amp;acknowledge</source>
        <translation>He llamado al supervisor: &amp;confirmar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="36" />
        <source>&amp;Next traveler</source>
        <translation>&amp;Siguiente viajero</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="82" />
        <source>No watchlist match. Continue with the traveler.</source>
        <translation>Sin coincidencias en la lista. Continúe con el viajero.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="86" />
        <source>Stored and queued. No watchlist is loaded at this station: the traveler was NOT screened. Tell the supervisor.</source>
        <translation>Guardado y en cola. Esta estación no tiene lista de vigilancia: el viajero NO fue cotejado. Avise al supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="93" />
        <source>Possible watchlist match. Refer the traveler to secondary inspection. A supervisor will review the alert.</source>
        <translation>Posible coincidencia. Envíe al viajero a inspección secundaria. Un supervisor revisará la alerta.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="100" />
        <source>Watchlist hit. DO NOT TELL THE TRAVELER.
Call the supervisor now.</source>
        <translation>Coincidencia en la lista. NO SE LO DIGA AL VIAJERO.
Llame al supervisor ahora.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="106" />
        <source>Screening did not run. The encounter is stored. Keep the traveler here and call the supervisor.</source>
        <translation>El cotejo no se realizó. El registro está guardado. Retenga al viajero y llame al supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="112" />
        <source>NOT SCREENED</source>
        <translation>SIN COTEJO</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="116" />
        <source>Category: %1</source>
        <translation>Categoría: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="118" />
        <source>Alert number %1</source>
        <translation>Alerta número %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="120" />
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/officer/result_page.cpp" line="123" />
        <source>Encounter %1 · transaction %2</source>
        <translation>Registro %1 · transacción %2</translation>
    </message>
</context>
<context>
    <name>umbral::ui::ReviewPage</name>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="39" />
        <source>Review — check every capture, then submit</source>
        <translation>Revisión — compruebe cada captura y envíe</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="58" />
        <source>Captures</source>
        <translation>Capturas</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="68" />
        <source>&amp;Submit</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="73" />
        <source>Arrow keys move between captures; Enter opens one to capture it again.</source>
        <translation>Las flechas recorren las capturas; Intro abre una para capturarla de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="111" />
        <source>%1, %2 · sex %3 · born %4 · %5 · document %6 %7</source>
        <translation>%1, %2 · sexo %3 · nacido/a %4 · %5 · documento %6 %7</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/officer/review_page.cpp" line="138" />
        <source> (%n attempts)</source>
        <translation>
            <numerusform> (%n intento)</numerusform><numerusform> (%n intentos)</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="141" />
        <source>○ MISSING</source>
        <translation>○ FALTA</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="154" />
        <source>▲ %1 and %2 look like the same finger.</source>
        <translation>▲ %1 y %2 parecen el mismo dedo.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="155" />
        <source>▲ %1: the other hand seems to have been placed.</source>
        <translation>▲ %1: parece que se puso la otra mano.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="162" />
        <source>✖ The submission failed: %1. Nothing was lost; try again.</source>
        <translation>✖ El envío falló: %1. No se perdió nada; inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="164" />
        <source>▲ Not ready to submit: every finger and eye needs a capture or an exception.</source>
        <translation>▲ Aún no se puede enviar: cada dedo y cada ojo necesitan una captura o una excepción.</translation>
    </message>
    <message>
        <location filename="../../ui/officer/review_page.cpp" line="166" />
        <source>✔ Ready to submit.</source>
        <translation>✔ Listo para enviar.</translation>
    </message>
</context>
<context>
    <name>umbral::ui::RoleWorkspace</name>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="14" />
        <source>Officer workspace</source>
        <translation>Puesto del agente</translation>
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="17" />
        <source>Supervisor workspace</source>
        <translation>Puesto del supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="20" />
        <source>Administrator workspace</source>
        <translation>Puesto del administrador</translation>
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="30" />
        <source>Signed in as %1 · %2</source>
        <translation>Sesión de %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/role_workspace.cpp" line="31" />
        <source>Sign &amp;out   [Ctrl+L]</source>
        <translation>&amp;Cerrar sesión   [Ctrl+L]</translation>
    </message>
</context>
<context>
    <name>umbral::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.cpp" line="13" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.cpp" line="20" />
        <source>&amp;Large text</source>
        <translation>Texto &amp;grande</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.cpp" line="24" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>umbral::ui::StationWindow</name>
    <message>
        <location filename="../../ui/station_window.cpp" line="20" />
        <location filename="../../ui/station_window.cpp" line="177" />
        <source>Umbral — %1 (DEMO)</source>
        <translation>Umbral — %1 (DEMOSTRACIÓN)</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="20" />
        <location filename="../../ui/station_window.cpp" line="177" />
        <source>Umbral — %1</source>
        <translation>Umbral — %1</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="27" />
        <source>DEMO MODE — not for real travelers</source>
        <translation>MODO DEMOSTRACIÓN — no para viajeros reales</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="31" />
        <source>Settings [Ctrl+,]</source>
        <translation>Ajustes [Ctrl+,]</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="51" />
        <source>Lane %1 · demo mode: simulated devices and demo data</source>
        <translation>Carril %1 · modo demostración: dispositivos simulados y datos de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="52" />
        <source>Lane %1</source>
        <translation>Carril %1</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="103" />
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <location filename="../../ui/station_window.cpp" line="111" />
        <location filename="../../ui/station_window.cpp" line="131" />
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>umbral::ui::StepIndicator</name>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="68" />
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="68" />
        <source>to do</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="72" />
        <source>%1 of 10</source>
        <translation>%1 de 10</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="76" />
        <source>%1 of 2</source>
        <translation>%1 de 2</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="79" />
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="79" />
        <source>to check</source>
        <translation>por revisar</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="93" />
        <source> (now)</source>
        <translation> (ahora)</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="95" />
        <source>Ctrl+Enter on Review</source>
        <translation>Ctrl+Intro en Revisión</translation>
    </message>
    <message>
        <location filename="../../ui/officer/step_indicator.cpp" line="96" />
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
</context>
</TS>