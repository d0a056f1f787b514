#include "app/enrollment/demo_travelers.h"

#include "app/biometrics/mrz/mrz_compose.h"
#include "app/screening/demo_watchlist.h"
#include "app/screening/name_normalization.h"

namespace umbral::enrollment {

namespace {

QString mrzName(const QString& name) {
    return QString::fromStdString(screening::transliterateToMrz(name))
        .replace(QLatin1Char('<'), QLatin1Char(' '));
}

// Listed identity `index` of the demo watchlist, as the traveler's own passport shows it.
DemoTraveler listed(int index, const char* key) {
    const Traveler t = screening::demoTraveler(index);
    DemoTraveler d;
    d.key = QString::fromLatin1(key);
    d.seed = screening::demoListedTravelerSeed(index);
    d.surname = mrzName(t.surname);
    d.givenNames = mrzName(t.givenNames);
    d.sex = t.sex;
    d.nationality = t.nationality;
    d.dateOfBirth = t.dateOfBirth.mid(2, 2) + t.dateOfBirth.mid(5, 2) + t.dateOfBirth.mid(8, 2);
    d.documentNumber = t.document.number;
    d.dateOfExpiry = t.document.expiry;
    d.onDemoWatchlist = true;
    return d;
}

} // namespace

const std::vector<DemoTraveler>& demoTravelers() {
    // Not listed: seeds far from the demo watchlist's (1001 upwards), names no listed person
    // carries. Listed: the first two identities of the demo watchlist package.
    static const std::vector<DemoTraveler> travelers{
        {"lindqvist", 3001, "LINDQVIST", "ELSA MARIA", "F", "UTO", "850412", "UT4481207", "310911",
         false},
        {"baptiste", 3002, "BAPTISTE", "JEAN LUC", "M", "UTO", "920130", "UT5530981", "290305",
         false},
        {"rahman", 3003, "RAHMAN", "NADIA", "X", "UTO", "010722", "UT6120034", "300117", false},
        {"esposito", 3004, "ESPOSITO", "LUCA", "M", "UTO", "671105", "UT3390442", "280830", false},
        listed(0, "listed-1"),
        listed(1, "listed-2"),
    };
    return travelers;
}

const DemoTraveler* findDemoTraveler(const QString& key) {
    for (const DemoTraveler& t : demoTravelers())
        if (t.key == key)
            return &t;
    return nullptr;
}

QString demoMrz(const DemoTraveler& t) {
    biometrics::Td3Fields f;
    f.issuingState = t.nationality.toStdString();
    f.primaryIdentifier = t.surname.toStdString();
    f.secondaryIdentifier = t.givenNames.toStdString();
    f.documentNumber = t.documentNumber.toStdString();
    f.nationality = t.nationality.toStdString();
    f.dateOfBirth = t.dateOfBirth.toStdString();
    f.sex = t.sex.toStdString();
    f.dateOfExpiry = t.dateOfExpiry.toStdString();
    return QString::fromStdString(biometrics::composeTd3(f));
}

} // namespace umbral::enrollment
