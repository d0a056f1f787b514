#include "app/services/demo_station.h"

#include "app/services/user_admin_service.h"
#include "storage/station_store.h"

namespace umbral::services {

const std::vector<DemoUser>& demoUsers() {
    static const std::vector<DemoUser> users{
        {"officer", "Demo Officer", "officer", "officer-demo"},
        {"officer2", "Second Demo Officer", "officer", "officer2-demo"},
        {"supervisor", "Demo Supervisor", "supervisor", "supervisor-demo"},
        {"supervisor2", "Second Demo Supervisor", "supervisor", "supervisor2-demo"},
        {"admin", "Demo Administrator", "administrator", "admin-demo"},
    };
    return users;
}

int ensureDemoUsers(storage::StationStore& store) {
    const Actor system{0, QStringLiteral("system:demo"), Role::Administrator};
    UserAdminService admin(store);
    int added = 0;
    for (const DemoUser& u : demoUsers()) {
        if (store.users().findByName(QString::fromLatin1(u.name)))
            continue;
        admin.addUser(system, QString::fromLatin1(u.name), QString::fromLatin1(u.displayName),
                      *parseRole(QString::fromLatin1(u.role)), QString::fromLatin1(u.password));
        ++added;
    }
    return added;
}

} // namespace umbral::services
