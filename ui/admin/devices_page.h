#pragma once

#include "app/core/user.h"
#include "devices/api/device_info.h"
#include "ui/admin/workspace_services.h"

#include <QImage>
#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace umbral::devices {
class Device;
class DeviceManager;
} // namespace umbral::devices

namespace umbral::ui {

/// Devices (administrators): every scanner and camera the station sees, from every backend,
/// arriving and leaving live; the selected one's details (model, USB id, serial, firmware,
/// where it is, what it can capture); and a test capture showing the image it gives.
class DevicesPage : public QWidget {
    Q_OBJECT
public:
    DevicesPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent = nullptr);
    ~DevicesPage() override;

    void reload();
    bool selectDevice(const QString& id);
    QString selectedDevice() const;
    void testCapture();
    int deviceCount() const;
    QString detailsText() const;
    QString testText() const;
    /// The last test capture's image (null when none).
    QImage testImage() const { return testImage_; }

signals:
    void testCaptureFinished(bool ok);

private:
    void showDetails();
    void finishTest(const QString& id, bool ok, const QString& outcome);

    Actor actor_;
    WorkspaceServices services_;
    QTableWidget* table_;
    QLabel* details_;
    QPushButton* test_;
    QLabel* testResult_;
    QLabel* testPicture_;
    QImage testImage_;
    std::shared_ptr<devices::Device> testing_; ///< the device a test capture runs on
};

} // namespace umbral::ui
