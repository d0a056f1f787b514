#include "app/enrollment/demo_travelers.h"

#include "app/biometrics/mrz/mrz_compose.h"

namespace umbral::enrollment {

const std::vector<DemoTraveler>& demoTravelers() {
    static const std::vector<DemoTraveler> travelers{
        {"garcia", 1001, "GARCIA LOPEZ", "ANA MARIA", "F", "UTO", "850412", "UT4481207", "310911", false},
        {"okafor", 1002, "OKAFOR", "CHIDI EMEKA", "M", "UTO", "920130", "UT5530981", "290305", false},
        {"tanaka", 1003, "TANAKA", "YUKI", "X", "UTO", "010722", "UT6120034", "300117", false},
        {"ivanova", 1004, "IVANOVA", "OLGA", "F", "UTO", "671105", "UT3390442", "280830", false},
        {"marlow", 4242, "MARLOW", "VIKTOR", "M", "UTO", "780219", "UT9900421", "300630", true},
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
