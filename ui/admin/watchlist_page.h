#pragma once

#include "app/core/user.h"
#include "app/services/watchlist_status_service.h"
#include "ui/admin/workspace_services.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace umbral::ui {

/// The watchlist (administrators): each list's version, issuer, age, expiry and size; a warning
/// in words when a list is older than the configured age or expired (or when there is none);
/// and the import of a signed package, with progress, on the worker thread.
class WatchlistPage : public QWidget {
    Q_OBJECT
public:
    WatchlistPage(const Actor& actor, const WorkspaceServices& services, QWidget* parent = nullptr);

    void reload();
    /// Imports the package at `path` (the "Import package…" button asks for it).
    void importPackage(const QString& path);
    QString warningText() const;
    QString statusText() const;
    int progressValue() const;
    int listCount() const;
    /// The text of a cell of a list's row (column 0 list, 1 version, 2 issuer, 3 age ...).
    QString cell(const QString& listId, int column) const;

signals:
    void loaded();
    void importFinished(bool ok);

private:
    void chooseAndImport();
    void show(const services::WatchlistStatus& status);

    Actor actor_;
    WorkspaceServices services_;
    QLabel* warning_;
    QTableWidget* table_;
    QPushButton* import_;
    QProgressBar* progress_;
    QLabel* status_;
};

} // namespace umbral::ui
