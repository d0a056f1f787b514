#pragma once

#include <QString>
#include <vector>

namespace umbral::storage { class StationStore; }

namespace umbral::services {

/// The demo users of demo mode. Their passwords are stated in the README; they exist only in a
/// demo station's database, never in a real one.
struct DemoUser {
    const char* name;
    const char* displayName;
    const char* role;
    const char* password;
};
const std::vector<DemoUser>& demoUsers();

/// Adds the demo users that are missing (audited as "system:demo"). Returns how many were added.
int ensureDemoUsers(storage::StationStore& store);

} // namespace umbral::services
