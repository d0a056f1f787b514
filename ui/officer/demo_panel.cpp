#include "ui/officer/demo_panel.h"

#include "app/enrollment/demo_travelers.h"
#include "devices/simulated/simulated_backend.h"
#include "ui/officer/ui_helpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace umbral::ui {

DemoPanel::DemoPanel(devices::SimulatedBackend& backend, QWidget* parent)
    : QWidget(parent), backend_(backend) {
    setObjectName(QStringLiteral("demoPanel"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xd6));
    setPalette(pal);
    traveler_ = new QComboBox(this);
    traveler_->setObjectName(QStringLiteral("demoTraveler"));
    for (const auto& t : enrollment::demoTravelers())
        traveler_->addItem(QStringLiteral("%1, %2%3")
                               .arg(t.surname, t.givenNames,
                                    t.onDemoWatchlist ? tr(" — ON THE DEMO WATCHLIST") : QString()),
                           t.key);
    finger_ = new QComboBox(this);
    finger_->setObjectName(QStringLiteral("demoFingerProfile"));
    for (const std::string& name : devices::FingerQuality::profileNames())
        finger_->addItem(QString::fromStdString(name));
    iris_ = new QComboBox(this);
    iris_->setObjectName(QStringLiteral("demoIrisProfile"));
    for (int p = int(devices::IrisQualityProfile::Good);
         p <= int(devices::IrisQualityProfile::EyeClosed); ++p)
        iris_->addItem(QString::fromStdString(devices::profileName(devices::IrisQualityProfile(p))),
                       p);
    slapPlugged_ = new QCheckBox(tr("Fingerprint scanners plugged in"), this);
    slapPlugged_->setObjectName(QStringLiteral("demoScannerPlugged"));
    slapPlugged_->setChecked(true);
    irisPlugged_ = new QCheckBox(tr("Iris camera plugged in"), this);
    irisPlugged_->setChecked(true);
    auto* presentButton = new QPushButton(tr("&Present this traveler"), this);
    presentButton->setObjectName(QStringLiteral("demoPresent"));
    auto* scan = new QPushButton(tr("Scan the &passport (reader)"), this);
    scan->setObjectName(QStringLiteral("demoScanPassport"));
    auto* leave = new QPushButton(tr("Traveler &leaves"), this);
    state_ = new QLabel(this);
    state_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Traveler"), traveler_);
    form->addRow(tr("&Fingers present as"), finger_);
    form->addRow(tr("&Eyes present as"), iris_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("DEMO controls (F12)"), this, 1.2));
    layout->addLayout(form);
    layout->addWidget(presentButton);
    layout->addWidget(scan);
    layout->addWidget(leave);
    layout->addWidget(slapPlugged_);
    layout->addWidget(irisPlugged_);
    layout->addWidget(state_);
    layout->addStretch();

    connect(presentButton, &QPushButton::clicked, this, &DemoPanel::apply);
    connect(finger_, &QComboBox::activated, this, &DemoPanel::apply);
    connect(iris_, &QComboBox::activated, this, &DemoPanel::apply);
    connect(traveler_, &QComboBox::activated, this, &DemoPanel::apply);
    connect(leave, &QPushButton::clicked, this, [this] {
        backend_.script()->leave();
        state_->setText(tr("Nobody at the devices."));
    });
    connect(scan, &QPushButton::clicked, this, [this] {
        if (const auto* t = enrollment::findDemoTraveler(currentTraveler()))
            emit passportScanned(enrollment::demoMrz(*t));
    });
    connect(slapPlugged_, &QCheckBox::toggled, this, [this](bool on) {
        for (const QString& id : {QStringLiteral("sim:slap"), QStringLiteral("sim:finger")}) {
            if (on)
                backend_.plug(id);
            else
                backend_.unplug(id);
        }
    });
    connect(irisPlugged_, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            backend_.plug(QStringLiteral("sim:iris"));
        else
            backend_.unplug(QStringLiteral("sim:iris"));
    });
    apply();
}

QString DemoPanel::currentTraveler() const {
    return traveler_->currentData().toString();
}

void DemoPanel::present(const QString& key) {
    const int i = traveler_->findData(key);
    if (i >= 0)
        traveler_->setCurrentIndex(i);
    apply();
}

void DemoPanel::apply() {
    const auto* t = enrollment::findDemoTraveler(currentTraveler());
    if (!t)
        return;
    devices::SimulatedTraveler s;
    s.identitySeed = t->seed;
    s.fingerProfile = finger_->currentText().toStdString();
    s.irisProfile = devices::IrisQualityProfile(iris_->currentData().toInt());
    backend_.script()->present(s);
    state_->setText(
        tr("At the devices: %1 %2 (fingers %3, eyes %4).")
            .arg(t->givenNames, t->surname, finger_->currentText(), iris_->currentText()));
}

} // namespace umbral::ui
