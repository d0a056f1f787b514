#pragma once

// What the supervisor and administrator workspaces work with. app/main.cpp (or a test) builds
// one for the station and hands it to each workspace it opens; the workspaces keep only
// pointers, and every call they make goes through `executor`, off the UI thread.

#include "app/screening/screening_settings.h"
#include "app/services/adjudication_settings.h"

#include <QString>

namespace umbral::storage {
class StationStore;
}
namespace umbral::devices {
class DeviceManager;
}

namespace umbral::ui {

class ServiceExecutor;

struct WorkspaceServices {
    /// Used only inside `executor` calls, on its one thread: give it a connection of its own,
    /// not one that another thread (the sign-in, the station writer) also uses.
    storage::StationStore* store = nullptr;
    ServiceExecutor* executor = nullptr;
    services::AdjudicationSettings adjudication;
    screening::ScreeningSettings screening;
    QString lane;
    /// The station's devices (lives on the UI thread); nullptr on a station without them.
    devices::DeviceManager* devices = nullptr;
};

} // namespace umbral::ui
