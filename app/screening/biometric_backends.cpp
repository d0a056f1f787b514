#include "app/screening/biometric_search.h"

#include "app/screening/finger_gallery.h"
#include "app/screening/iris_search.h"
#include "app/screening/screening_settings.h"

namespace umbral::screening {

BiometricBackends defaultBiometricBackends() {
    BiometricBackends b;
    b.fingerprint = [](const storage::WatchlistRepository& repo, const ScreeningSettings& s) -> std::unique_ptr<FingerprintSearch> {
        MccFingerprintGallery::Options o;
        o.positions = s.fingerGalleryPositions;
        o.shortlist = s.fingerShortlist;
        auto g = MccFingerprintGallery::load(repo, o);
        if (g->templateCount() == 0)
            return nullptr;
        return g;
    };
    b.iris = [](const storage::WatchlistRepository& repo, const ScreeningSettings&) -> std::unique_ptr<IrisSearch> {
        auto g = IrisCodeGallery::load(repo, {});
        if (g->templateCount() == 0)
            return nullptr;
        return g;
    };
    return b;
}

} // namespace umbral::screening
