#include "app/services/adjudication_settings.h"

#include "app/core/errors.h"

#include <QSettings>

namespace umbral::services {

AdjudicationSettings AdjudicationSettings::load(const QString& file) {
    AdjudicationSettings s;
    QSettings ini(file, QSettings::IniFormat);
    const QString redKey = QStringLiteral("adjudication/red_requires_second_supervisor");
    if (ini.contains(redKey)) {
        const QString v = ini.value(redKey).toString().trimmed().toLower();
        if (v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes"))
            s.redRequiresSecondSupervisor = true;
        else if (v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no"))
            s.redRequiresSecondSupervisor = false;
        else
            throw Error(
                ErrorCode::InvalidInput,
                QStringLiteral(
                    "[adjudication] red_requires_second_supervisor must be true or false, not '%1'")
                    .arg(v));
    }
    const QString lengthKey = QStringLiteral("adjudication/min_reason_length");
    if (ini.contains(lengthKey)) {
        bool ok = false;
        const int n = ini.value(lengthKey).toString().trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 1000)
            throw Error(
                ErrorCode::InvalidInput,
                QStringLiteral("[adjudication] min_reason_length must be a number from 1 to 1000"));
        s.minReasonLength = n;
    }
    return s;
}

void AdjudicationSettings::save(const QString& file) const {
    QSettings ini(file, QSettings::IniFormat);
    ini.setValue(QStringLiteral("adjudication/red_requires_second_supervisor"),
                 redRequiresSecondSupervisor ? QStringLiteral("true") : QStringLiteral("false"));
    ini.setValue(QStringLiteral("adjudication/min_reason_length"), minReasonLength);
    ini.sync();
}

} // namespace umbral::services
