#include "storage/station_store.h"

#include "app/core/errors.h"
#include "storage/migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>
#include <sys/stat.h>
#include <unistd.h>

namespace umbral::storage {

namespace {
QString metaValue(Database& db, const char* key) {
    Statement s = db.prepare("SELECT value FROM station_meta WHERE key = ?");
    s.bind(1, QString::fromLatin1(key));
    return s.step() ? s.text(0) : QString();
}

void setMeta(Database& db, const char* key, const QString& value) {
    db.prepare("INSERT INTO station_meta(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, QString::fromLatin1(key))
        .bind(2, value)
        .exec();
}

bool writable(const QString& dir) { return ::access(QFile::encodeName(dir).constData(), W_OK) == 0; }
} // namespace

QString StationPaths::databaseFile() const { return QDir(dataDir).filePath(QStringLiteral("umbral.db")); }

QString StationPaths::keyFileFor(const QString& databaseId) const {
    return QDir(configDir).filePath(QStringLiteral("keys/") + databaseId + QStringLiteral(".key"));
}

QString StationPaths::settingsFile() const { return QDir(configDir).filePath(QStringLiteral("umbral.conf")); }

StationPaths StationPaths::resolve(const QString& dataDirOption, const QString& configDirOption) {
    StationPaths p;
    p.dataDir = !dataDirOption.isEmpty() ? dataDirOption : qEnvironmentVariable("UMBRAL_DATA_DIR");
    if (p.dataDir.isEmpty())
        p.dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                    QStringLiteral("/umbral");
    p.configDir = !configDirOption.isEmpty() ? configDirOption : qEnvironmentVariable("UMBRAL_CONFIG_DIR");
    if (p.configDir.isEmpty())
        p.configDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                      QStringLiteral("/umbral");
    p.dataDir = QDir(p.dataDir).absolutePath();
    p.configDir = QDir(p.configDir).absolutePath();
    return p;
}

StationStore::StationStore(const StationPaths& paths, Open open, Schema schema) : paths_(paths) {
    const QString dbFile = paths_.databaseFile();
    const QFileInfo dbInfo(dbFile);
    if (!dbInfo.exists()) {
        if (open == Open::ExistingOnly)
            throw Error(ErrorCode::NotFound,
                        QStringLiteral("no station database in %1; run `umbralctl db init` first")
                            .arg(paths_.dataDir));
        createNew();
        return;
    }
    if (!dbInfo.isFile())
        throw Error(ErrorCode::InvalidInput, QStringLiteral("%1 is not a file").arg(dbFile));
    openExisting(schema);
}

StationStore::~StationStore() = default;

void StationStore::createNew() {
    if (!QDir().mkpath(paths_.dataDir))
        throw Error(ErrorCode::StorageFailure,
                    QStringLiteral("cannot create the data directory %1").arg(paths_.dataDir));
    if (!writable(paths_.dataDir))
        throw Error(ErrorCode::StorageFailure,
                    QStringLiteral("the data directory %1 is read-only").arg(paths_.dataDir));
    ::chmod(QFile::encodeName(paths_.dataDir).constData(), 0700);
    const QString dataAbs = QDir(paths_.dataDir).canonicalPath();
    const QString configAbs = QDir(paths_.configDir).absolutePath();
    if (configAbs == dataAbs || configAbs.startsWith(dataAbs + QLatin1Char('/')))
        throw Error(ErrorCode::InvalidInput,
                    QStringLiteral("the configuration directory (key file) must not be inside the "
                                   "data directory %1").arg(paths_.dataDir));
    databaseId_ = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The key first: a crash between the two leaves an unused key file, never a database
    // without its key.
    keys_ = std::make_unique<KeyRing>(KeyRing::create(paths_.keyFileFor(databaseId_)));
    db_ = std::make_unique<Database>(paths_.databaseFile(), Database::Mode::ReadWriteCreate);
    migrate(*db_);
    Transaction tx(*db_);
    setMeta(*db_, "database_id", databaseId_);
    setMeta(*db_, "key_check", keys_->keyCheck());
    setMeta(*db_, "created_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    AuditLog(*db_, *keys_).append(QStringLiteral("system"), QStringLiteral("station.init"),
                                  databaseId_, QStringLiteral("database created"));
    tx.commit();
    createdNow_ = true;
}

void StationStore::openExisting(Schema schema) {
    if (!writable(paths_.dataDir))
        throw Error(ErrorCode::StorageFailure,
                    QStringLiteral("the data directory %1 is read-only; the station needs to write "
                                   "there (its journal lives beside the database)").arg(paths_.dataDir));
    db_ = std::make_unique<Database>(paths_.databaseFile(), Database::Mode::ReadWrite);
    const bool hasMeta =
        db_->scalarInt("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='station_meta'") > 0;
    if (!hasMeta)
        throw Error(ErrorCode::CorruptData,
                    QStringLiteral("%1 is not an Umbral station database (no station metadata); "
                                   "it was left untouched").arg(paths_.databaseFile()));
    databaseId_ = metaValue(*db_, "database_id");
    if (databaseId_.isEmpty())
        throw Error(ErrorCode::CorruptData,
                    QStringLiteral("%1 has no database id; it was left untouched").arg(paths_.databaseFile()));
    const QString keyFile = paths_.keyFileFor(databaseId_);
    if (!QFileInfo::exists(keyFile))
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("the key file %1 for this database is missing. Restore it from the "
                                   "station's key backup; a new key is never created over an existing "
                                   "database").arg(keyFile));
    keys_ = std::make_unique<KeyRing>(KeyRing::load(keyFile));
    if (keys_->keyCheck() != metaValue(*db_, "key_check"))
        throw Error(ErrorCode::KeyFailure,
                    QStringLiteral("the key file %1 does not belong to this database").arg(keyFile));
    const int version = schemaVersion(*db_);
    if (version < latestSchemaVersion()) {
        if (schema == Schema::MigrateForward)
            migrate(*db_);
        else if (schema == Schema::RequireCurrent)
            throw Error(ErrorCode::Conflict,
                        QStringLiteral("the database schema is at version %1, this program needs %2; "
                                       "run `umbralctl db migrate`").arg(version).arg(latestSchemaVersion()));
    } else if (version > latestSchemaVersion()) {
        throw Error(ErrorCode::Conflict,
                    QStringLiteral("the database schema version %1 is newer than this program (%2)")
                        .arg(version).arg(latestSchemaVersion()));
    }
}

} // namespace umbral::storage
