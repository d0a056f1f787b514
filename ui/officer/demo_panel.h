#pragma once

#include <QWidget>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;

namespace umbral::devices {
class SimulatedBackend;
class TravelerScript;
} // namespace umbral::devices

namespace umbral::ui {

/// The demo control panel (demo mode only): which synthetic traveler steps up to the simulated
/// devices (one of them on the demo watchlist), how their fingers and eyes present (quality
/// profiles), whether the simulated scanner is plugged in, and a button that "scans" the
/// traveler's passport as a keyboard-wedge reader would.
class DemoPanel : public QWidget {
    Q_OBJECT

public:
    DemoPanel(devices::SimulatedBackend& backend, QWidget* parent = nullptr);
    /// Presents the traveler with `key` (see demoTravelers()) with the chosen profiles.
    void present(const QString& travelerKey);
    QString currentTraveler() const;

Q_SIGNALS:
    /// The officer asked to scan the current traveler's passport: the zone, as a reader sends it.
    void passportScanned(const QString& mrz);

private:
    void apply();

    devices::SimulatedBackend& backend_;
    QComboBox* traveler_;
    QComboBox* finger_;
    QComboBox* iris_;
    QCheckBox* slapPlugged_;
    QCheckBox* irisPlugged_;
    QLabel* state_;
};

} // namespace umbral::ui
