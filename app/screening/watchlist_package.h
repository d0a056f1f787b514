#pragma once

// The signed watchlist package: how an issuer ships a list to stations.
//
// Layout (integers little-endian):
//   "UMBRALWL"                       8-byte magic
//   u16 format version (1)
//   u32 n, n bytes of header JSON    {"format":"umbral-watchlist","list":"KST","version":7,
//                                     "kind":"full"|"delta","base_version":6 (delta only),
//                                     "issuer":"...","created":ISO-8601 UTC,"expires":ISO-8601 UTC,
//                                     "records":N}
//   N records, each u32 n + n bytes:
//     u8 op (1 upsert, 2 remove), u16 n + entry id (UTF-8),
//     upsert only: u32 n + entry JSON {"category","severity","names":[...],"dob","nationality",
//                  "sex","documents":[{"number","issuer","type"}],"handling"},
//                  u16 sample count, each sample: u8 modality (1 finger, 2 iris),
//                  u8 position (ANSI/NIST finger code 0-10, iris 1 right / 2 left),
//                  u8 format (1 PNG image, 2 ISO/IEC 19794-2 template, 3 iris code),
//                  u16 ppi (images; 0 otherwise), u32 n + n bytes of data
//   u32 0                            end of records
//   "SIG1", 32-byte Ed25519 public key, 64-byte Ed25519ph signature of every byte before "SIG1"
//
// A full package replaces its list; a delta applies upserts and removals to the version it
// names as base. docs/screening.md describes the format for issuers.

#include "app/core/errors.h"
#include "app/core/watchlist_entry.h"
#include "app/screening/package_signing.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QIODevice>
#include <memory>

namespace umbral::screening {

enum class PackageKind { Full, Delta };
QString toKey(PackageKind kind);

struct PackageHeader {
    QString listId;
    qint64 version = 0;
    PackageKind kind = PackageKind::Full;
    qint64 baseVersion = 0; ///< delta only
    QString issuer;
    QDateTime createdAt;
    QDateTime expiresAt;
    qint64 records = 0;
};

enum class RecordOp { Upsert, Remove };

struct PackageRecord {
    RecordOp op = RecordOp::Upsert;
    WatchlistEntry entry; ///< for a removal only the id
};

/// Why a package is refused. Each refusal leaves the station's watchlist as it was.
enum class PackageProblem {
    Unreadable,     ///< the file cannot be read
    NotAPackage,    ///< wrong magic, unknown format version, no signature block
    UnknownKey,     ///< signed by a key the station does not trust
    BadSignature,   ///< the signature does not verify: changed after signing
    Malformed,      ///< the header or the record framing is broken
    MalformedEntry, ///< an entry is incomplete or inconsistent
    OlderVersion,   ///< not newer than the version the station holds
    WrongBase,      ///< a delta for another version than the station holds
    Expired,        ///< past its expiry
    NotYetValid,    ///< created in the future
};
QString toKey(PackageProblem p); ///< "unknown-key", "bad-signature", ...

/// A refused package: an umbral::Error (InvalidInput, or KeyFailure for key and signature
/// problems) that also says which problem. Messages carry no personal data.
class PackageRefused : public Error {
public:
    PackageRefused(PackageProblem problem, const QString& message);
    PackageProblem problem() const { return problem_; }

private:
    PackageProblem problem_;
};

/// What is wrong with an entry (empty when it is well-formed): id, category, severity 1-5, at
/// least one name with a surname, a date of birth that parses, sex M/F/X, a 3-letter
/// nationality, samples with a valid position and format.
QString entryProblem(const WatchlistEntry& entry);

/// Writes a package while signing it. add() the records the header announces, then finish().
class PackageWriter {
public:
    PackageWriter(QIODevice& out, const PackageHeader& header, const SigningKey& key);
    ~PackageWriter();
    void add(const PackageRecord& record);
    /// Writes the end marker and the signature. Throws when fewer or more records were added
    /// than the header announced.
    void finish();

private:
    void write(const QByteArray& bytes);
    struct State;
    QIODevice& out_;
    const SigningKey& key_;
    std::unique_ptr<State> state_;
    qint64 announced_ = 0, written_ = 0;
};

/// Reads a package file in two streaming passes: verifySignature() reads every byte once,
/// then header() and next() parse them again, re-hashing what they read, and finish()
/// re-verifies that hash, so a file changed between the passes is refused too.
class PackageReader {
public:
    /// Opens the file and reads the signature block. Throws PackageRefused (Unreadable,
    /// NotAPackage).
    explicit PackageReader(const QString& path);
    ~PackageReader();

    PublicKey signer() const { return signer_; }
    qint64 fileSize() const { return fileSize_; }
    /// Streams the content through Ed25519ph; throws PackageRefused(BadSignature). Also
    /// computes the file's SHA-256 (for the package record).
    void verifySignature();
    QString sha256Hex() const { return sha256_; }

    /// Parses the header (after verifySignature()). Throws PackageRefused(Malformed).
    const PackageHeader& header();
    /// The next record; false after the last. Throws PackageRefused(Malformed, MalformedEntry).
    bool next(PackageRecord& record);
    /// Checks the end marker, that nothing follows it, the record count, and the second pass's
    /// signature. Throws PackageRefused.
    void finish();

private:
    QByteArray readExact(qint64 n, const char* what);
    struct State;
    QFile file_;
    qint64 fileSize_ = 0, contentSize_ = 0, recordsRead_ = 0;
    PublicKey signer_;
    QByteArray signature_;
    QString sha256_;
    PackageHeader header_;
    bool verified_ = false, headerRead_ = false, ended_ = false;
    std::unique_ptr<State> state_;
};

/// Serialises one entry's JSON part (the biographic fields, category, severity, handling).
QByteArray entryJson(const WatchlistEntry& entry);

} // namespace umbral::screening
