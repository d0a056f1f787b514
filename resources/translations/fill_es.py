#!/usr/bin/env python3
# Fills the Spanish translations of umbral_es.ts from the table below (run after lupdate:
#   lupdate -I . ui app/enrollment app/main.cpp -ts resources/translations/umbral_es.ts
#   python3 resources/translations/fill_es.py).
# Messages missing from the table stay "unfinished" and show in English.
import sys
import xml.etree.ElementTree as ET

ES = {
 'Good': 'Buena', 'Fair': 'Aceptable', 'Poor': 'Mala', 'Not seen': 'No se ve',
 'Place the fingers on the glass': 'Ponga los dedos sobre el cristal',
 'Press harder': 'Presione más fuerte', 'Press more lightly': 'Presione más suave',
 'Fingers too dry: moisten them': 'Dedos muy secos: humedézcalos',
 'Fingers too wet: dry them': 'Dedos muy húmedos: séquelos',
 'Centre the fingers on the glass': 'Centre los dedos en el cristal',
 'Hold still': 'No se mueva', 'Lift and place again': 'Levante y vuelva a apoyar',
 'Open your eyes wider': 'Abra más los ojos', 'Look at the camera': 'Mire a la cámara',
 'Come closer': 'Acérquese', 'Move back a little': 'Aléjese un poco',
 'Centre your eye in the frame': 'Centre el ojo en la imagen',
 'Officer: check the lighting': 'Agente: revise la iluminación',
 'Right thumb': 'Pulgar derecho', 'Right index': 'Índice derecho', 'Right middle': 'Medio derecho',
 'Right ring': 'Anular derecho', 'Right little': 'Meñique derecho', 'Left thumb': 'Pulgar izquierdo',
 'Left index': 'Índice izquierdo', 'Left middle': 'Medio izquierdo', 'Left ring': 'Anular izquierdo',
 'Left little': 'Meñique izquierdo', 'Right hand, four fingers': 'Mano derecha, cuatro dedos',
 'Left hand, four fingers': 'Mano izquierda, cuatro dedos', 'Both thumbs': 'Ambos pulgares',
 'Unknown finger': 'Dedo desconocido', 'Left eye': 'Ojo izquierdo', 'Right eye': 'Ojo derecho',
 'Amputated': 'Amputado', 'Bandaged': 'Vendado', 'Unable to capture': 'Imposible de capturar',
 'Refused': 'Rechazado', 'Other': 'Otro', 'None': 'Ninguna',
 'Document': 'Documento', 'Fingerprints': 'Huellas', 'Irises': 'Iris', 'Review': 'Revisión',
 'Submit': 'Enviar', 'Result': 'Resultado',
 'GREEN': 'VERDE', 'YELLOW': 'AMARILLO', 'RED': 'ROJO', 'NOT SCREENED': 'SIN COTEJO',
 'Known or suspected terrorist': 'Terrorista conocido o sospechoso',
 'Criminal warrant': 'Orden de captura', 'Immigration violation': 'Infracción migratoria',
 'Other watchlist entry': 'Otra entrada de la lista',
 'Demo watchlist ready: %1 listed people.': 'Lista de vigilancia de demostración lista: %1 personas.',
 'The demo watchlist could not be prepared: %1': 'No se pudo preparar la lista de demostración: %1',
 'The fingerprint scanner reported a failure: %1': 'El lector de huellas informó un fallo: %1',
 'The iris camera reported a failure: %1': 'La cámara de iris informó un fallo: %1',
 'The fingerprint scanner was disconnected. Every finger captured so far is kept. Plug the scanner in again to continue.':
   'El lector de huellas se desconectó. Se conservan todos los dedos capturados. Vuelva a conectarlo para continuar.',
 'The iris camera was disconnected. Every eye captured so far is kept. Plug the camera in again to continue.':
   'La cámara de iris se desconectó. Se conservan los ojos capturados. Vuelva a conectarla para continuar.',
 'Nothing was presented in time. Ask the traveler to present again.':
   'No se presentó nada a tiempo. Pida al viajero que lo intente de nuevo.',
 'The capture failed: %1': 'La captura falló: %1',
 'The capture could not be used: %1': 'La captura no se pudo usar: %1',
 'The encounter in progress could not be saved: %1': 'No se pudo guardar el registro en curso: %1',
 'A saved encounter could not be read: %1': 'No se pudo leer un registro guardado: %1',
 'Tell the traveler': 'Indique al viajero', '&Capture now': '&Capturar ahora', '&Retry': '&Reintentar',
 'E&xception…': 'E&xcepción…', 'Tell the traveler:': 'Indique al viajero:',
 'Auto-capture paused: press F6 to capture this again': 'Captura automática en pausa: pulse F6 para volver a capturar',
 'Auto-capture: waiting for good quality': 'Captura automática: esperando buena calidad',
 'Auto-capture: holding steady %1 of %2': 'Captura automática: estable %1 de %2',
 '✖ No %1 connected. Connect one to capture.': '✖ No hay %1 conectado. Conecte uno para capturar.',
 '%1 ready': '%1 listo', '● Live: %1': '● En vivo: %1',
 '● Capturing on %1 — hold still': '● Capturando en %1 — no se mueva',
 '… Checking the capture': '… Comprobando la captura',
 '✖ The %1 was DISCONNECTED. Everything captured so far is kept. Plug it in again to continue.':
   '✖ El %1 se DESCONECTÓ. Se conserva todo lo capturado. Vuelva a conectarlo para continuar.',
 '✖ The %1 failed. Press F6 to try again.': '✖ El %1 falló. Pulse F6 para reintentar.',
 ' — ON THE DEMO WATCHLIST': ' — EN LA LISTA DE DEMOSTRACIÓN',
 'Fingerprint scanners plugged in': 'Lectores de huellas conectados', 'Iris camera plugged in': 'Cámara de iris conectada',
 '&Present this traveler': '&Presentar a este viajero', 'Scan the &passport (reader)': 'Leer el &pasaporte (lector)',
 'Traveler &leaves': 'El viajero se &va', '&Traveler': '&Viajero', '&Fingers present as': '&Dedos como',
 '&Eyes present as': '&Ojos como', 'DEMO controls (F12)': 'Controles de DEMOSTRACIÓN (F12)',
 'Nobody at the devices.': 'Nadie ante los dispositivos.',
 'At the devices: %1 %2 (fingers %3, eyes %4).': 'Ante los dispositivos: %1 %2 (dedos %3, ojos %4).',
 '✔ Connected: %1': '✔ Conectado: %1', '✖ Disconnected: %1': '✖ Desconectado: %1',
 'Iris camera': 'Cámara de iris', 'Fingerprint scanner': 'Lector de huellas', 'IN USE': 'EN USO',
 'Scanner in use DISCONNECTED': 'Lector en uso DESCONECTADO', 'Iris camera in use DISCONNECTED': 'Cámara de iris en uso DESCONECTADA',
 '✖ No scanner or camera connected': '✖ Ningún lector ni cámara conectados', 'Devices: ': 'Dispositivos: ',
 'Document number': 'Número de documento', 'Date of birth': 'Fecha de nacimiento', 'Date of expiry': 'Fecha de caducidad',
 'Personal number / optional data': 'Número personal / datos opcionales', 'Optional data 2': 'Datos opcionales 2',
 'Composite': 'Compuesto', 'Name': 'Nombre', 'Sex': 'Sexo', 'Nationality': 'Nacionalidad',
 'Issuing state': 'Estado emisor', 'Document code': 'Código de documento', 'Zone': 'Zona',
 'Travel document': 'Documento de viaje',
 '&Machine-readable zone (type it, or scan the page with the reader):':
   '&Zona de lectura mecánica (escríbala o pase la página por el lector):',
 'Machine-readable zone': 'Zona de lectura mecánica', 'YYYY-MM-DD': 'AAAA-MM-DD', 'YYMMDD': 'AAMMDD',
 '— choose —': '— elija —', 'F (female)': 'F (femenino)', 'M (male)': 'M (masculino)', 'X (unspecified)': 'X (sin especificar)',
 'S&urname': 'A&pellidos', '&Given names': '&Nombres', 'Date of &birth': 'Fecha de na&cimiento', 'Se&x': 'Se&xo',
 'Nationalit&y': 'Nacionalida&d', 'Document &number': '&Número de documento', 'Document c&ode': 'Có&digo de documento',
 '&Issuing state': '&Estado emisor', 'Date of e&xpiry': 'Fecha de caducidad',
 'I have &checked these details against the data page': 'He &comprobado estos datos con la página de datos',
 'Details': 'Datos', 'surname': 'apellidos', 'document number': 'número de documento', 'document code': 'código de documento',
 'issuing state': 'estado emisor', 'nationality': 'nacionalidad', 'date of birth': 'fecha de nacimiento', 'sex': 'sexo',
 'No zone yet: scan the document, or type the zone or the details by hand.':
   'Aún no hay zona: pase el documento por el lector o escriba la zona o los datos a mano.',
 '… Not a complete zone yet (%1 line(s) read).': '… La zona aún no está completa (%1 línea(s) leída(s)).',
 '✔ Zone read: every check digit is correct (%1).': '✔ Zona leída: todos los dígitos de control son correctos (%1).',
 '✖ Zone damaged: compare the details with the data page and correct them.':
   '✖ Zona dañada: compare los datos con la página de datos y corríjalos.',
 '%1: check digit %2 correct': '%1: dígito de control %2 correcto',
 '%1: no check digit (field empty)': '%1: sin dígito de control (campo vacío)',
 '%1: check digit WRONG — %2 printed, the data gives %3 (line %4, position %5)':
   '%1: dígito de control ERRÓNEO — impreso %2, los datos dan %3 (línea %4, posición %5)',
 "%1: check digit UNREADABLE — '%2' printed (line %3, position %4)":
   "%1: dígito de control ILEGIBLE — impreso '%2' (línea %3, posición %4)",
 '%1: %2': '%1: %2', 'The document has expired (%1).': 'El documento está caducado (%1).',
 'The name fills the zone and may be cut short: check it on the data page.':
   'El nombre llena la zona y puede estar recortado: compruébelo en la página de datos.',
 '▲ Still needed: %1': '▲ Falta: %1',
 '▲ Confirm that you checked the details against the data page.': '▲ Confirme que comprobó los datos con la página de datos.',
 '✔ The document is complete.': '✔ El documento está completo.',
 'Record an exception': 'Registrar una excepción',
 'Required: what you saw (e.g. "amputated at the second joint")': 'Obligatorio: lo que vio (p. ej. «amputado en la segunda falange»)',
 '&Finger or eye': '&Dedo u ojo', '&Exception': '&Excepción', '&Reason': '&Motivo', 'Record exception': 'Registrar excepción',
 'C&lear exception': '&Quitar excepción', '✖ %1': '✖ %1', 'Presentations': 'Presentaciones',
 'fingerprint scanner': 'lector de huellas',
 '&Presentations (F8 next, Shift+F8 previous):': '&Presentaciones (F8 siguiente, Mayús+F8 anterior):',
 'Scanner disconnected.\nThe fingers captured so far are kept.\nPlug it in again to continue.':
   'Lector desconectado.\nSe conservan los dedos capturados.\nVuelva a conectarlo para continuar.',
 'No fingerprint scanner connected.': 'No hay lector de huellas conectado.',
 'Waiting for the scanner': 'Esperando al lector', '%1 of %2 done': '%1 de %2 hechos',
 'Fingerprints — no scanner': 'Huellas — sin lector', 'Fingerprints — %1 (%2 of %3)': 'Huellas — %1 (%2 de %3)',
 '▲ %1 and %2 look like the SAME finger: capture them again, one at a time.':
   '▲ %1 y %2 parecen el MISMO dedo: captúrelos de nuevo, uno cada vez.',
 '▲ %1: the OTHER hand seems to have been placed. Check the hands and retry.':
   '▲ %1: parece que se puso la OTRA mano. Compruebe las manos y reintente.',
 'Wrong hand? Check which hand is on the glass': '¿Mano equivocada? Compruebe qué mano está en el cristal',
 'Good — hold still': 'Bien — no se mueva', '✔ Captured automatically: %1': '✔ Capturado automáticamente: %1',
 '✔ Captured: %1': '✔ Capturado: %1',
 'Captured again; the earlier, better capture is kept.': 'Capturado de nuevo; se conserva la captura anterior, que es mejor.',
 '▲ Not seen on the capture: %1': '▲ No se ve en la captura: %1', 'iris camera': 'cámara de iris',
 'ISO/IEC 29794-6 metric': 'Métrica ISO/IEC 29794-6', 'Value': 'Valor', '&Eyes (F8 other eye):': '&Ojos (F8 el otro ojo):',
 '✔ Captured automatically: %1 %2': '✔ Capturado automáticamente: %1 %2', '✔ Captured: %1 %2': '✔ Capturado: %1 %2',
 'Iris camera disconnected.\nThe eyes captured so far are kept.\nPlug it in again to continue.':
   'Cámara de iris desconectada.\nSe conservan los ojos capturados.\nVuelva a conectarla para continuar.',
 'No iris camera connected.': 'No hay cámara de iris conectada.', 'not captured yet': 'aún sin capturar',
 'Irises — %1': 'Iris — %1', 'Overall %1': 'Global %1', ' — a metric fails': ' — falla una métrica',
 '✔ pass': '✔ cumple', '✖ fail': '✖ no cumple', 'Good — keep looking at the camera': 'Bien — siga mirando a la cámara',
 'Live preview': 'Vista en vivo', 'Station locked': 'Estación bloqueada', '&Unlock': '&Desbloquear',
 'Sign out (another officer)': 'Cerrar sesión (otro agente)', '&Password:': '&Contraseña:',
 'Signed in: %1. The work in progress is kept. Enter the password to continue.':
   'Sesión de %1. El trabajo en curso se conserva. Escriba la contraseña para continuar.',
 'Umbral enrollment station': 'Estación de registro Umbral', '&Sign in': '&Iniciar sesión', '&User name': '&Usuario',
 '&Password': '&Contraseña', 'Error: enter your user name and password.': 'Error: escriba su usuario y su contraseña.',
 'Signing in…': 'Iniciando sesión…', 'Error: %1': 'Error: %1',
 'Looking for an encounter in progress…': 'Buscando un registro en curso…', '&Resume it': '&Reanudarlo',
 '&Discard it and start a new traveler': '&Descartarlo y empezar un viajero nuevo',
 'An encounter was in progress': 'Había un registro en curso', 'Submitting…': 'Enviando…',
 'The encounter is being stored and screened against the watchlist. Keep the traveler at the desk.':
   'El registro se está guardando y cotejando con la lista de vigilancia. Mantenga al viajero en el puesto.',
 '◀ &Back': '◀ &Atrás', '&Next ▶': '&Siguiente ▶', 'Keys [F1]': 'Teclas [F1]',
 'It was saved when the station stopped. Traveler: %1 %2. Started %3. Fingers done: %4 of 10, eyes done: %5 of 2. Step: %6.':
   'Se guardó cuando la estación se detuvo. Viajero: %1 %2. Empezado a las %3. Dedos hechos: %4 de 10, ojos hechos: %5 de 2. Paso: %6.',
 '(no name yet)': '(aún sin nombre)', 'A saved encounter could not be resumed: %1': 'No se pudo reanudar un registro guardado: %1',
 'Next is locked: confirm the details against the data page.': 'Siguiente bloqueado: confirme los datos con la página de datos.',
 'Next is locked: still needed: %1.': 'Siguiente bloqueado: falta %1.',
 'Alt+1 … Alt+4\topen Document, Fingerprints, Irises, Review\nPage Down / Alt+N\tnext step\nPage Up / Alt+B\tprevious step\nCtrl+M\tthe machine-readable zone\nF5\tcapture now\nF6\tretry (capture this presentation again)\nF7\trecord an exception (amputated, bandaged, unable)\nF8 / Shift+F8\tnext / previous presentation or eye\nCtrl+Enter\tsubmit (Review), acknowledge (red result), resume (saved encounter)\nCtrl+N\tnext traveler (after the result)\nCtrl+L\tsign out;  Ctrl+Shift+L\tlock the station\nCtrl+,\tsettings (language, large text)\nF12\tdemo controls (demo mode)':
   'Alt+1 … Alt+4\tabrir Documento, Huellas, Iris, Revisión\nAv Pág / Alt+S\tpaso siguiente\nRe Pág / Alt+A\tpaso anterior\nCtrl+M\tla zona de lectura mecánica\nF5\tcapturar ahora\nF6\treintentar (capturar de nuevo esta presentación)\nF7\tregistrar una excepción (amputado, vendado, imposible)\nF8 / Mayús+F8\tpresentación u ojo siguiente / anterior\nCtrl+Intro\tenviar (Revisión), confirmar (resultado rojo), reanudar (registro guardado)\nCtrl+N\tsiguiente viajero (tras el resultado)\nCtrl+L\tcerrar sesión;  Ctrl+Mayús+L\tbloquear la estación\nCtrl+,\tajustes (idioma, texto grande)\nF12\tcontroles de demostración (modo demostración)',
 'Keys': 'Teclas', 'I have called the supervisor: &acknowledge': 'He llamado al supervisor: &confirmar',
 '&Next traveler': '&Siguiente viajero',
 'No watchlist match. Continue with the traveler.': 'Sin coincidencias en la lista. Continúe con el viajero.',
 'Stored and queued. No watchlist is loaded at this station: the traveler was NOT screened. Tell the supervisor.':
   'Guardado y en cola. Esta estación no tiene lista de vigilancia: el viajero NO fue cotejado. Avise al supervisor.',
 'Possible watchlist match. Refer the traveler to secondary inspection. A supervisor will review the alert.':
   'Posible coincidencia. Envíe al viajero a inspección secundaria. Un supervisor revisará la alerta.',
 'Watchlist hit. DO NOT TELL THE TRAVELER.\nCall the supervisor now.':
   'Coincidencia en la lista. NO SE LO DIGA AL VIAJERO.\nLlame al supervisor ahora.',
 'Screening did not run. The encounter is stored. Keep the traveler here and call the supervisor.':
   'El cotejo no se realizó. El registro está guardado. Retenga al viajero y llame al supervisor.',
 'Category: %1': 'Categoría: %1', 'Alert number %1': 'Alerta número %1', 'Reason: %1': 'Motivo: %1',
 'Encounter %1 · transaction %2': 'Registro %1 · transacción %2',
 'Review — check every capture, then submit': 'Revisión — compruebe cada captura y envíe',
 'Captures': 'Capturas', '&Submit': '&Enviar',
 'Arrow keys move between captures; Enter opens one to capture it again.':
   'Las flechas recorren las capturas; Intro abre una para capturarla de nuevo.',
 '%1, %2 · sex %3 · born %4 · %5 · document %6 %7': '%1, %2 · sexo %3 · nacido/a %4 · %5 · documento %6 %7',
 '○ MISSING': '○ FALTA', '▲ %1 and %2 look like the same finger.': '▲ %1 y %2 parecen el mismo dedo.',
 '▲ %1: the other hand seems to have been placed.': '▲ %1: parece que se puso la otra mano.',
 '✖ The submission failed: %1. Nothing was lost; try again.': '✖ El envío falló: %1. No se perdió nada; inténtelo de nuevo.',
 '▲ Not ready to submit: every finger and eye needs a capture or an exception.':
   '▲ Aún no se puede enviar: cada dedo y cada ojo necesitan una captura o una excepción.',
 '✔ Ready to submit.': '✔ Listo para enviar.', 'Officer workspace': 'Puesto del agente',
 'Supervisor workspace': 'Puesto del supervisor', 'Administrator workspace': 'Puesto del administrador',
 'Signed in as %1 · %2': 'Sesión de %1 · %2', 'Sign &out   [Ctrl+L]': '&Cerrar sesión   [Ctrl+L]',
 'Settings': 'Ajustes', '&Large text': 'Texto &grande', '&Language': '&Idioma',
 'Umbral — %1 (DEMO)': 'Umbral — %1 (DEMOSTRACIÓN)', 'Umbral — %1': 'Umbral — %1',
 'DEMO MODE — not for real travelers': 'MODO DEMOSTRACIÓN — no para viajeros reales', 'Settings [Ctrl+,]': 'Ajustes [Ctrl+,]',
 'Lane %1 · demo mode: simulated devices and demo data': 'Carril %1 · modo demostración: dispositivos simulados y datos de demostración',
 'Lane %1': 'Carril %1', 'Locked': 'Bloqueada', 'Signed in: %1 (%2)': 'Sesión: %1 (%2)',
 'done': 'hecho', 'to do': 'pendiente', '%1 of 10': '%1 de 10', '%1 of 2': '%1 de 2', 'ready': 'listo',
 'to check': 'por revisar', ' (now)': ' (ahora)', 'Ctrl+Enter on Review': 'Ctrl+Intro en Revisión', 'Alt+%1': 'Alt+%1',
}
NUMERUS = {
 ', %n exception(s)': (', %n excepción', ', %n excepciones'),
 ' (%n attempts)': (' (%n intento)', ' (%n intentos)'),
}

def main(path):
    tree = ET.parse(path)
    missing = []
    for m in tree.getroot().iter('message'):
        src = m.find('source').text or ''
        tr = m.find('translation')
        if m.get('numerus') == 'yes':
            forms = NUMERUS.get(src)
            for f in list(tr):
                tr.remove(f)
            if forms:
                for text in forms:
                    ET.SubElement(tr, 'numerusform').text = text
                tr.attrib.pop('type', None)
            else:
                missing.append(src)
            continue
        if src in ES:
            tr.text = ES[src]
            tr.attrib.pop('type', None)
        else:
            missing.append(src)
    tree.write(path, encoding='utf-8', xml_declaration=True)
    for s in missing:
        print('untranslated:', repr(s))

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'resources/translations/umbral_es.ts')
