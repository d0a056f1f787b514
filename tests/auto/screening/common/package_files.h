#pragma once

// Writing watchlist package files for tests: a header, records, a signing key.
#include "app/biometrics/fingerprint/minutiae/iso19794_2.h"
#include "app/biometrics/iris/iris_code.h"
#include "app/screening/watchlist_package.h"

#include <random>

#include <QFile>
#include <QString>
#include <vector>

namespace umbral::testing {

inline screening::PackageHeader packageHeader(const QString& list, qint64 version, qint64 records,
                                              screening::PackageKind kind = screening::PackageKind::Full,
                                              qint64 baseVersion = 0) {
    screening::PackageHeader h;
    h.listId = list;
    h.version = version;
    h.kind = kind;
    h.baseVersion = baseVersion;
    h.issuer = QStringLiteral("Test issuer");
    h.createdAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    h.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
    h.records = records;
    return h;
}

inline void writePackage(const QString& path, const screening::PackageHeader& header,
                         const std::vector<screening::PackageRecord>& records, const screening::SigningKey& key) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write test package");
    screening::PackageWriter w(f, header, key);
    for (const auto& r : records)
        w.add(r);
    w.finish();
}

/// A well-formed ISO/IEC 19794-2 record of invented minutiae (for import tests, not matching).
inline QByteArray inventedFingerTemplate(unsigned seed, int position) {
    std::mt19937 rng(seed);
    biometrics::FingerMinutiaeRecord r;
    r.imageWidth = 400;
    r.imageHeight = 500;
    biometrics::FingerMinutiaeView v;
    v.fingerPosition = position;
    for (int i = 0; i < 30; ++i)
        v.minutiae.push_back({float(20 + rng() % 360), float(20 + rng() % 460), float(rng() % 256) * 360.f / 256.f,
                              (rng() & 1) ? biometrics::MinutiaType::RidgeEnding : biometrics::MinutiaType::Bifurcation, 60});
    r.views.push_back(v);
    const auto bytes = biometrics::writeFingerMinutiaeRecord(r);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

/// A well-formed iris code of random bits.
inline QByteArray inventedIrisCode(unsigned seed) {
    std::mt19937_64 rng(seed);
    biometrics::IrisTemplate t;
    for (auto& w : t.code)
        w = rng();
    for (auto& w : t.mask)
        w = rng() | rng();
    const auto bytes = t.serialise();
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

inline screening::PackageRecord upsert(const WatchlistEntry& e) { return {screening::RecordOp::Upsert, e}; }
inline screening::PackageRecord removal(const QString& id) {
    screening::PackageRecord r;
    r.op = screening::RecordOp::Remove;
    r.entry.id = id;
    return r;
}

inline WatchlistEntry person(const QString& id, const QString& name, const QString& dob = QStringLiteral("1980-01-01"),
                             const QString& doc = {}, WatchlistCategory category = WatchlistCategory::CriminalWarrant,
                             int severity = 3) {
    WatchlistEntry e;
    e.id = id;
    e.category = category;
    e.severity = severity;
    e.names << name;
    e.dateOfBirth = dob;
    e.nationality = QStringLiteral("UTO");
    e.sex = QStringLiteral("M");
    if (!doc.isEmpty())
        e.documents.push_back({doc, QStringLiteral("UTO"), QStringLiteral("P")});
    e.handlingInstructions = QStringLiteral("Detain and call the duty supervisor.");
    return e;
}

} // namespace umbral::testing
