#pragma once

#include <QString>

namespace umbral::services {

/// How alerts are adjudicated, from umbral.conf (INI) in the configuration directory:
///
///   [adjudication]
///   red_requires_second_supervisor=false ; a red alert is confirmed or dismissed only when two
///                                        ; different supervisors agree
///   min_reason_length=10                 ; characters (after trimming) a decision's reason needs
///
/// Missing keys take the defaults below. Nobody decides on an encounter they enrolled, whatever
/// the configuration says: that rule is not configurable.
struct AdjudicationSettings {
    bool redRequiresSecondSupervisor = false;
    int minReasonLength = 10;

    /// Throws umbral::Error(InvalidInput) naming the key when a value does not parse or is out
    /// of range (1..1000): a station must not adjudicate under a rule it did not mean.
    static AdjudicationSettings load(const QString& settingsFile);
    void save(const QString& settingsFile) const;
};

} // namespace umbral::services
