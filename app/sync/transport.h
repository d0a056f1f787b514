#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace umbral::sync {

/// What became of one transmission.
struct SendOutcome {
    enum class Kind {
        Acknowledged, ///< the central system has the transaction (new or duplicate)
        Transient,    ///< try again later: timeout, connection dropped, 5xx, 408, 429
        Permanent,    ///< the central system refuses it (4xx): park as failed, keep the row
    };
    Kind kind = Kind::Transient;
    QString reference; ///< the central system's reference, when acknowledged
    QString error;     ///< what went wrong, in words (no personal data)
};

/// One way of delivering a transaction (ANSI/NIST-ITL bytes) identified by its transaction
/// control number. Asynchronous: send() returns at once and `finished` follows exactly once.
class Transport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void send(const QString& tcn, const QByteArray& transaction) = 0;
    virtual QString describe() const = 0;

signals:
    void finished(const QString& tcn, const umbral::sync::SendOutcome& outcome);
};

} // namespace umbral::sync

Q_DECLARE_METATYPE(umbral::sync::SendOutcome)
