#pragma once

#include "app/enrollment/capture/capture_session.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace umbral::ui {

/// The status bar of the officer's screen: every connected scanner and camera, live as they
/// arrive and leave, with the ones in use marked (a word, not only a colour), and the last
/// arrival or removal.
class DeviceStrip : public QWidget {
    Q_OBJECT

public:
    DeviceStrip(devices::DeviceManager& devices, enrollment::CaptureSession* session,
                QWidget* parent = nullptr);
    QString text() const;

private:
    void refresh();
    void notice(const QString& text);

    devices::DeviceManager& devices_;
    QPointer<enrollment::CaptureSession> session_;
    QLabel* list_;
    QLabel* notice_;
};

} // namespace umbral::ui
