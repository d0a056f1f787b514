// The UI thread never waits on Qt's global thread pool while painting. Qt's raster engine splits
// some painting over QThreadPool::globalInstance() and blocks the painting thread until the
// pool's threads have done it (converting an image of another pixel format, smooth scaling, the
// default style's gradients and stripes). On a two-core station whose cores are busy scoring
// and screening, that wait stalled the UI thread for 20 ms and more. Each test here occupies
// every thread of the global pool, paints a widget the officer sees during an encounter, and
// checks that painting finished while the pool was still occupied.
#include "app/enrollment/capture/preview_pump.h"
#include "devices/api/frame_mailbox.h"
#include "ui/officer/live_preview.h"
#include "ui/ui_settings.h"

#include <QHeaderView>
#include <QListWidget>
#include <QProgressBar>
#include <QScrollBar>
#include <QSemaphore>
#include <QTableWidget>
#include <QThreadPool>
#include <QtTest>
#include <atomic>

#include <opencv2/core.hpp>

using namespace umbral;

namespace {

// Holds every thread of Qt's global pool busy until released (or until a timeout, so that a
// failing test ends instead of hanging).
class PoolOccupied {
public:
    PoolOccupied() {
        QThreadPool* pool = QThreadPool::globalInstance();
        threads_ = pool->maxThreadCount();
        for (int i = 0; i < threads_; ++i)
            pool->start([this] {
                started_.release();
                release_.tryAcquire(1, 10000);
                ended_.fetch_add(1);
            });
        started_.acquire(threads_); // every pool thread is now inside a task
    }
    ~PoolOccupied() {
        release_.release(threads_);
        QThreadPool::globalInstance()->waitForDone();
    }
    /// True while no occupying task has ended (they end only when released or timed out).
    bool stillOccupied() const { return ended_.load() == 0; }

private:
    int threads_ = 0;
    QSemaphore started_, release_;
    std::atomic<int> ended_{0};
};

// Paints `w` (already shown) into an image with the pool occupied; true when painting did not
// need the pool.
bool paintsWithoutPool(QWidget& w) {
    QImage target(w.size(), QImage::Format_RGB32);
    PoolOccupied occupied;
    w.render(&target);
    return occupied.stillOccupied();
}

} // namespace

class TestPaintWithoutPool : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ui::applyStationStyle(false); }

    // A preview frame goes through the preview pump, as on the capture screens, and is painted
    // both at the size the pump fitted it to and (for the frames before the pump learns a new
    // size) scaled to the widget.
    void livePreviewFrame() {
        enrollment::PreviewPump pump;
        auto mailbox = std::make_shared<devices::FrameMailbox>(2);
        QSignalSpy ready(&pump, &enrollment::PreviewPump::previewReady);
        pump.setFit(cv::Size(632, 512));
        pump.watch(mailbox, 1);
        devices::Frame frame;
        frame.image = cv::Mat(1500, 1600, CV_8UC1);
        cv::randu(frame.image, 0, 255);
        frame.timestamp = std::chrono::steady_clock::now();
        frame.sequence = 1;
        QVERIFY(mailbox->post(frame));
        QVERIFY(ready.wait(5000));
        const auto image = ready.takeFirst().at(0).value<enrollment::PreviewImage>();
        QCOMPARE(image.image.type(), CV_8UC4); // the screen's format, converted off the UI thread

        ui::LivePreview preview;
        preview.resize(640, 520);
        preview.show();
        QSignalSpy fit(&preview, &ui::LivePreview::displaySizeChanged);
        preview.showFrame(image); // fitted for 632 x 512 = this widget less its margin
        QCOMPARE(fit.count(), 0);
        QVERIFY(paintsWithoutPool(preview));
        preview.resize(900, 700); // the frame no longer fits: drawn scaled until a new one comes
        QVERIFY(paintsWithoutPool(preview));
        // A frame fitted for another widget (the other capture page shares the pump): the
        // preview asks the pump again for its own size.
        fit.clear();
        preview.showFrame(image);
        QCOMPARE(fit.count(), 1);
        QCOMPARE(fit.first().at(0).toInt(), 892);
        QCOMPARE(fit.first().at(1).toInt(), 692);
    }

    void progressBars() {
        QProgressBar busy;
        busy.setRange(0, 0); // the Submitting page's busy indicator
        busy.resize(600, 30);
        busy.show();
        QVERIFY(paintsWithoutPool(busy));
        QProgressBar part;
        part.setRange(0, 100);
        part.setValue(40);
        part.resize(600, 30);
        part.show();
        QVERIFY(paintsWithoutPool(part));
    }

    // The iris metrics table, the presentations list and the alert queue scroll.
    void scrollingViews() {
        QTableWidget table(30, 3);
        table.setHorizontalHeaderLabels({"metric", "value", "result"});
        table.resize(420, 200);
        table.show();
        QVERIFY(table.verticalScrollBar()->isVisible() || table.verticalScrollBar()->maximum() > 0);
        QVERIFY(paintsWithoutPool(table));
        QListWidget list;
        for (int i = 0; i < 40; ++i)
            list.addItem(QStringLiteral("Presentation %1").arg(i));
        list.resize(240, 200);
        list.show();
        QVERIFY(paintsWithoutPool(list));
    }
};

QTEST_MAIN(TestPaintWithoutPool)
#include "tst_paint_without_pool.moc"
