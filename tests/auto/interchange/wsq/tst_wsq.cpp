// WSQ: NIST's WSQ images decode to fingerprints of the size their streams state; encoding real
// prints at 0.75 bpp performs like NIST's encoder; the transform, tree and Huffman parts hold
// their contracts; malformed streams are refused with an error, never a crash.

#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/interchange_error.h"
#include "app/interchange/wsq_codec.h"
#include "app/interchange/wsq_entropy.h"
#include "app/interchange/wsq_huffman.h"
#include "app/interchange/wsq_segments.h"
#include "app/interchange/wsq_transform.h"
#include "app/interchange/wsq_tree.h"

#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <iterator>
#include <random>

using namespace umbral::interchange;
Q_DECLARE_METATYPE(umbral::interchange::InterchangeErrorCode)

namespace {

const std::string kData = UMBRAL_SHARED_DATA;

std::vector<std::uint8_t> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

cv::Mat fvcImage(const std::string& name) {
    return cv::imread(kData + "/fingerprints/fvc2002-db1b/" + name + ".tif", cv::IMREAD_GRAYSCALE);
}

double rmsError(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    diff.convertTo(diff, CV_64F);
    return std::sqrt(cv::mean(diff.mul(diff))[0]);
}

// Share of the spectral power above 1/40 cycles per pixel that lies in the ridge band of a
// 500 ppi print (periods 5 to 16 pixels). Fingerprints put most of it there; noise and a
// wrongly reconstructed image do not.
double ridgeBandFraction(const cv::Mat& grey) {
    cv::Mat f;
    grey.convertTo(f, CV_32F);
    f -= cv::mean(f)[0];
    const int n = cv::getOptimalDFTSize(std::max(f.rows, f.cols));
    cv::copyMakeBorder(f, f, 0, n - f.rows, 0, n - f.cols, cv::BORDER_CONSTANT, 0);
    cv::Mat spectrum;
    cv::dft(f, spectrum, cv::DFT_COMPLEX_OUTPUT);
    double band = 0.0, total = 0.0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const double fy = (y <= n / 2 ? y : y - n) / double(n);
            const double fx = (x <= n / 2 ? x : x - n) / double(n);
            const double r = std::hypot(fx, fy);
            if (r < 1.0 / 40)
                continue;
            const cv::Vec2f c = spectrum.at<cv::Vec2f>(y, x);
            const double power = double(c[0]) * c[0] + double(c[1]) * c[1];
            total += power;
            if (r >= 1.0 / 16 && r <= 1.0 / 5)
                band += power;
        }
    return band / total;
}

// Offset of the first segment with `marker` before the first block (tables and frame header).
std::size_t findSegment(const std::vector<std::uint8_t>& s, std::uint16_t marker) {
    std::size_t pos = 2;
    while (pos + 4 <= s.size()) {
        const std::uint16_t m = static_cast<std::uint16_t>((s[pos] << 8) | s[pos + 1]);
        if (m == marker)
            return pos;
        if (m == wsq::SOB)
            break;
        pos += 2 + ((s[pos + 2] << 8) | s[pos + 3]);
    }
    return std::string::npos;
}

std::vector<std::uint8_t> smallStream() {
    const cv::Mat crop = fvcImage("101_1")(cv::Rect(100, 100, 128, 96)).clone();
    return encodeWsq(crop);
}

} // namespace

class TestWsq : public QObject {
    Q_OBJECT

private slots:
    void treeTilesTheImage_data();
    void treeTilesTheImage();
    void transformReconstructsPerfectly_data();
    void transformReconstructsPerfectly();
    void huffmanTablesAreLimitedAndDecodable_data();
    void huffmanTablesAreLimitedAndDecodable();
    void nistImagesDecode_data();
    void nistImagesDecode();
    void encodingMatchesReferenceEncoder_data();
    void encodingMatchesReferenceEncoder();
    void higherBitRateGivesBiggerAndCloserImage();
    void headerCarriesSizeAndResolution();
    void encoderRefusesUnusableImages();
    void malformedStreamsAreRefused_data();
    void malformedStreamsAreRefused();
    void everyTruncationIsRefused();
    void corruptedStreamsNeverCrash();
};

void TestWsq::treeTilesTheImage_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("slap 1600x976") << 1600 << 976;
    QTest::newRow("FVC 388x374") << 388 << 374;
    QTest::newRow("odd 417x561") << 417 << 561;
    QTest::newRow("odd 101x77") << 101 << 77;
    QTest::newRow("tiny 7x5") << 7 << 5;
}

void TestWsq::treeTilesTheImage() {
    QFETCH(int, width);
    QFETCH(int, height);
    const wsq::WsqTree tree = wsq::buildWsqTree(width, height);
    // The 64 subbands cover every coefficient exactly once.
    cv::Mat cover = cv::Mat::zeros(height, width, CV_32S);
    for (const wsq::Region& r : tree.subbands) {
        QVERIFY(r.width >= 0 && r.height >= 0 && r.x + r.width <= width &&
                r.y + r.height <= height);
        if (r.area() > 0)
            cover(cv::Rect(r.x, r.y, r.width, r.height)) += 1;
    }
    double lo = 0, hi = 0;
    cv::minMaxLoc(cover, &lo, &hi);
    QCOMPARE(lo, 1.0);
    QCOMPARE(hi, 1.0);
    // The first split halves the image; the four lowest subbands come from five levels of
    // lowpass filtering (ceil(n/2) each time).
    int w = width, h = height;
    for (int level = 0; level < 5; ++level)
        w = (w + 1) / 2, h = (h + 1) / 2;
    QCOMPARE(tree.subbands[0].width, w);
    QCOMPARE(tree.subbands[0].height, h);
    QCOMPARE(tree.splits[0].region.width, width);
}

void TestWsq::transformReconstructsPerfectly_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("1x1") << 1 << 1;
    QTest::newRow("2x3") << 2 << 3;
    QTest::newRow("33x35") << 33 << 35;
    QTest::newRow("388x374") << 388 << 374;
    QTest::newRow("417x561") << 417 << 561;
}

void TestWsq::transformReconstructsPerfectly() {
    QFETCH(int, width);
    QFETCH(int, height);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> value(-128.0f, 128.0f);
    std::vector<float> plane(static_cast<std::size_t>(width) * height);
    for (float& v : plane)
        v = value(rng);
    const std::vector<float> original = plane;
    const wsq::WsqTree tree = wsq::buildWsqTree(width, height);
    wsq::analyze(plane, width, height, tree, wsq::standardFilterBank());
    if (width > 8)
        QVERIFY(plane != original); // the transform did something
    wsq::synthesize(plane, width, height, tree, wsq::standardFilterBank());
    float worst = 0.0f;
    for (std::size_t i = 0; i < plane.size(); ++i)
        worst = std::max(worst, std::fabs(plane[i] - original[i]));
    QVERIFY2(worst < 1e-3f, qPrintable(QString("largest reconstruction error %1").arg(worst)));
}

void TestWsq::huffmanTablesAreLimitedAndDecodable_data() {
    QTest::addColumn<QString>("pattern");
    QTest::newRow("uniform") << "uniform";
    QTest::newRow("geometric") << "geometric";
    QTest::newRow("fibonacci (needs length limiting)") << "fibonacci";
    QTest::newRow("one symbol") << "single";
    QTest::newRow("no symbols") << "empty";
}

void TestWsq::huffmanTablesAreLimitedAndDecodable() {
    QFETCH(QString, pattern);
    std::array<std::uint32_t, wsq::kSymbolCount> freq{};
    if (pattern == "uniform")
        freq.fill(10);
    else if (pattern == "geometric")
        for (int i = 0; i < 30; ++i)
            freq[107 + i] = 1u << (29 - i);
    else if (pattern == "fibonacci") {
        std::uint32_t a = 1, b = 1;
        for (int i = 0; i < 40; ++i, std::swap(a, b), b += a)
            freq[i + 1] = a;
    } else if (pattern == "single")
        freq[180] = 1000;
    const wsq::HuffmanTable table = wsq::buildHuffmanTable(freq);
    const auto codes = wsq::canonicalCodes(table);

    // Every used symbol has a code of at most 16 bits; the code space is never full, so no
    // codeword is all ones (the specification reserves it).
    double kraft = 0.0;
    for (int s = 0; s < wsq::kSymbolCount; ++s) {
        if (freq[s] > 0)
            QVERIFY2(codes[s].length > 0, qPrintable(QString("symbol %1 has no code").arg(s)));
        QVERIFY(codes[s].length <= wsq::kMaxCodeLength);
        if (codes[s].length > 0) {
            kraft += std::ldexp(1.0, -codes[s].length);
            QVERIFY(codes[s].bits != (1u << codes[s].length) - 1);
        }
    }
    QVERIFY(kraft < 1.0);

    // Coefficients coded with the table decode back.
    std::vector<std::int32_t> block;
    for (int s = 0; s < wsq::kSymbolCount; ++s)
        if (freq[s] > 0 && s >= 107 && s <= 254)
            block.push_back(s - 180);
    block.insert(block.end(), {0, 0, 0, 300, -4000, 0});
    freq.fill(0);
    wsq::countSymbols(block, freq);
    const wsq::HuffmanTable blockTable = wsq::buildHuffmanTable(freq);
    std::vector<std::uint8_t> bytes;
    wsq::encodeBlock(block, wsq::canonicalCodes(blockTable), bytes);
    bytes.insert(bytes.end(), {0xFF, 0xA1}); // a marker ends the data
    std::vector<std::int32_t> decoded;
    const std::size_t end =
        wsq::decodeBlock(bytes, 0, wsq::HuffmanDecoder(blockTable), decoded, block.size());
    QCOMPARE(end, bytes.size() - 2);
    QVERIFY(decoded == block);
}

void TestWsq::nistImagesDecode_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("record");
    QTest::addColumn<double>("minRidgeShare");
    // valid1.8: three slaps (right four, left four, thumbs). valid1.1 and valid1.16: a rolled
    // inked print in a Type-4 record; valid1.16 also a Type-14 slap.
    QTest::newRow("valid1.8 record 3 (FGP 13)") << "valid1.8" << 3 << 0.7;
    QTest::newRow("valid1.8 record 4 (FGP 14)") << "valid1.8" << 4 << 0.7;
    QTest::newRow("valid1.8 record 5 (FGP 15)") << "valid1.8" << 5 << 0.7;
    QTest::newRow("valid1.1 record 3 (Type-4)") << "valid1.1" << 3 << 0.45;
    QTest::newRow("valid1.16 record 3 (Type-4)") << "valid1.16" << 3 << 0.45;
    QTest::newRow("valid1.16 record 6 (FGP 13)") << "valid1.16" << 6 << 0.7;
}

void TestWsq::nistImagesDecode() {
    QFETCH(QString, file);
    QFETCH(int, record);
    QFETCH(double, minRidgeShare);
    const auto bytes = readFile(kData + "/ansi-nist/" + file.toStdString() + ".an2");
    const Transaction t = readTransaction(bytes);
    const Record& r = t.records.at(static_cast<std::size_t>(record - 1));
    const auto image = recordImage(r);
    QVERIFY(image && image->compression == "WSQ20");

    const WsqHeader header = readWsqHeader(image->data);
    const WsqDecoded decoded = decodeWsq(image->data);
    QCOMPARE(decoded.image.type(), CV_8UC1);
    QCOMPARE(decoded.image.cols, header.width);
    QCOMPARE(decoded.image.rows, header.height);
    // The record's HLL/VLL: valid1.8 states 1800 x 1000 (1800 x 900 for the thumbs) for streams
    // of 1600 x 976 (1600 x 800); validation reports that (tst_an2k). The others agree.
    if (file != "valid1.8") {
        QCOMPARE(decoded.image.cols, image->width);
        QCOMPARE(decoded.image.rows, image->height);
    }
    const std::string out = std::string(UMBRAL_TEST_OUTPUT) + "/wsq_" + file.toStdString() +
                            "_record" + std::to_string(record) + ".png";
    QVERIFY(cv::imwrite(out, decoded.image));

    // It looks like a print: most detail in the ridge band, a light background, dark ridges.
    const double share = ridgeBandFraction(decoded.image);
    QVERIFY2(share > minRidgeShare, qPrintable(QString("ridge band share %1").arg(share)));
    double lo = 0, hi = 0;
    cv::minMaxLoc(decoded.image, &lo, &hi);
    QVERIFY(hi - lo > 150);
}

void TestWsq::encodingMatchesReferenceEncoder_data() {
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("referenceBytes");
    QTest::addColumn<double>("referenceRms");
    // NIST's WSQ encoder (NBIS 5.0.0 cwsq, bit rate 0.75, built from source outside this
    // repository) on these FVC2002 DB1 images: compressed size and RMS error of its
    // reconstruction against the original. WSQ compliance (Annex AA) judges an encoder by
    // comparing it with the reference implementation's output.
    QTest::newRow("101_1") << "101_1" << 8495 << 7.0997;
    QTest::newRow("103_5") << "103_5" << 9256 << 9.6618;
    QTest::newRow("106_1") << "106_1" << 9733 << 6.3694;
    QTest::newRow("108_5") << "108_5" << 8244 << 9.1316;
    QTest::newRow("110_8") << "110_8" << 9771 << 7.3508;
}

void TestWsq::encodingMatchesReferenceEncoder() {
    QFETCH(QString, image);
    QFETCH(int, referenceBytes);
    QFETCH(double, referenceRms);
    const cv::Mat original = fvcImage(image.toStdString());
    QVERIFY(!original.empty());
    const std::vector<std::uint8_t> wsqBytes = encodeWsq(original); // 0.75 bpp by default
    const cv::Mat decoded = decodeWsq(wsqBytes).image;
    const double rms = rmsError(original, decoded);
    const double ratio = double(original.total()) / wsqBytes.size();
    qInfo("%s: %zu bytes (reference %d), %.2f:1, %.3f bpp, RMS %.4f (reference %.4f)",
          qPrintable(image), wsqBytes.size(), referenceBytes, ratio, 8.0 / ratio, rms,
          referenceRms);
    QVERIFY2(std::abs(double(wsqBytes.size()) / referenceBytes - 1.0) < 0.01,
             "size differs from the reference by 1 % or more");
    QVERIFY2(rms < referenceRms * 1.01, "RMS error more than 1 % above the reference encoder's");
    QVERIFY(ratio > 10.0); // 0.75 bpp is nominally 10.7:1; the allocation model lands above it
}

void TestWsq::higherBitRateGivesBiggerAndCloserImage() {
    const cv::Mat original = fvcImage("104_7");
    WsqEncodeOptions low, high;
    high.bitRate = 2.25;
    const auto lowBytes = encodeWsq(original, low);
    const auto highBytes = encodeWsq(original, high);
    QVERIFY(highBytes.size() > 2 * lowBytes.size());
    QVERIFY(rmsError(original, decodeWsq(highBytes).image) <
            0.6 * rmsError(original, decodeWsq(lowBytes).image));
}

void TestWsq::headerCarriesSizeAndResolution() {
    WsqEncodeOptions options;
    options.comment = "Umbral test";
    const auto bytes = encodeWsq(fvcImage("102_2"), options);
    const WsqHeader header = readWsqHeader(bytes);
    QCOMPARE(header.width, 388);
    QCOMPARE(header.height, 374);
    QCOMPARE(header.ppi, 500);
    QCOMPARE(header.encoderNumber, 2);
    QCOMPARE(header.comments.size(), std::size_t(2));
    QVERIFY(header.comments[0].rfind("NIST_COM", 0) == 0);
    QCOMPARE(QString::fromStdString(header.comments[1]), QString("Umbral test"));
}

void TestWsq::encoderRefusesUnusableImages() {
    auto code = [](const cv::Mat& m, double rate = 0.75) {
        try {
            WsqEncodeOptions o;
            o.bitRate = rate;
            encodeWsq(m, o);
        } catch (const InterchangeError& e) {
            return e.code();
        }
        return InterchangeErrorCode::Malformed; // "no error": never expected here
    };
    QCOMPARE(code(cv::Mat()), InterchangeErrorCode::InvalidArgument);
    QCOMPARE(code(cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(9))),
             InterchangeErrorCode::InvalidArgument);
    QCOMPARE(code(cv::Mat(100, 40, CV_8UC1, cv::Scalar::all(9))),
             InterchangeErrorCode::InvalidArgument);
    QCOMPARE(code(fvcImage("101_1"), 0.0), InterchangeErrorCode::InvalidArgument);
    // A flat image is fine: only its mean is transmitted.
    const cv::Mat flat(80, 80, CV_8UC1, cv::Scalar::all(173));
    QCOMPARE(cv::norm(decodeWsq(encodeWsq(flat)).image, flat, cv::NORM_INF), 0.0);
}

void TestWsq::malformedStreamsAreRefused_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<InterchangeErrorCode>("expected");
    QTest::newRow("empty") << "empty" << InterchangeErrorCode::Malformed;
    QTest::newRow("PNG, not WSQ") << "png" << InterchangeErrorCode::Malformed;
    QTest::newRow("65535 x 65535 frame") << "huge" << InterchangeErrorCode::TooLarge;
    QTest::newRow("Huffman table id 9") << "tableid" << InterchangeErrorCode::Invalid;
    QTest::newRow("three 1-bit codes") << "kraft" << InterchangeErrorCode::Invalid;
    QTest::newRow("zero-length filter") << "filter0" << InterchangeErrorCode::Invalid;
    QTest::newRow("even-length filter") << "filter8" << InterchangeErrorCode::Unsupported;
    QTest::newRow("restart interval") << "dri" << InterchangeErrorCode::Unsupported;
    QTest::newRow("segment length past the end") << "length" << InterchangeErrorCode::Truncated;
    QTest::newRow("zero width") << "width0" << InterchangeErrorCode::Invalid;
    QTest::newRow("no quantization table") << "nodqt" << InterchangeErrorCode::Malformed;
}

void TestWsq::malformedStreamsAreRefused() {
    QFETCH(QString, damage);
    QFETCH(InterchangeErrorCode, expected);
    std::vector<std::uint8_t> s = smallStream();
    const std::size_t sof = findSegment(s, wsq::SOF);
    const std::size_t dht = sof + 2 + ((s[sof + 2] << 8) | s[sof + 3]); // the first DHT follows SOF
    QCOMPARE(int((s[dht] << 8) | s[dht + 1]), int(wsq::DHT));
    const std::size_t dtt = findSegment(s, wsq::DTT);
    const std::size_t dqt = findSegment(s, wsq::DQT);
    if (damage == "empty")
        s.clear();
    else if (damage == "png")
        s = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    else if (damage == "huge")
        s[sof + 6] = s[sof + 7] = s[sof + 8] = s[sof + 9] = 0xFF;
    else if (damage == "tableid")
        s[dht + 4] = 9;
    else if (damage == "kraft") { // move three codes to length 1, keeping the number of values
        std::size_t i = dht + 6;
        while (s[i] < 3)
            ++i;
        s[i] -= 3;
        s[dht + 5] += 3;
    } else if (damage == "filter0")
        s[dtt + 4] = 0;
    else if (damage == "filter8")
        s[dtt + 4] = 8;
    else if (damage == "dri")
        s.insert(s.begin() + static_cast<long>(sof), {0xFF, 0xA7, 0x00, 0x04, 0x00, 0x01});
    else if (damage == "length")
        s[dqt + 2] = 0xFF;
    else if (damage == "width0")
        s[sof + 8] = s[sof + 9] = 0;
    else if (damage == "nodqt")
        s[dqt + 1] = 0xA8; // the table becomes a comment
    try {
        decodeWsq(s);
        QFAIL("decoded a damaged stream");
    } catch (const InterchangeError& e) {
        QCOMPARE(e.code(), expected);
        QVERIFY(std::string(e.what()).size() > 10);
    }
}

void TestWsq::everyTruncationIsRefused() {
    const std::vector<std::uint8_t> s = smallStream();
    QCOMPARE(decodeWsq(s).image.cols, 128);
    for (std::size_t n = 0; n < s.size(); n += 7) {
        const std::vector<std::uint8_t> cut(s.begin(), s.begin() + static_cast<long>(n));
        QVERIFY_THROWS_EXCEPTION(InterchangeError, decodeWsq(cut));
    }
}

void TestWsq::corruptedStreamsNeverCrash() {
    const std::vector<std::uint8_t> s = smallStream();
    std::mt19937 rng(2026);
    std::uniform_int_distribution<std::size_t> at(0, s.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    int decoded = 0, refused = 0;
    for (int i = 0; i < 400; ++i) {
        std::vector<std::uint8_t> c = s;
        for (int k = 0; k < 1 + i % 4; ++k)
            c[at(rng)] = static_cast<std::uint8_t>(byte(rng));
        try {
            const WsqDecoded d = decodeWsq(c, WsqDecodeLimits{2'000'000});
            QVERIFY(!d.image.empty());
            ++decoded;
        } catch (const InterchangeError&) {
            ++refused;
        }
    }
    qInfo("corrupted copies: %d decoded, %d refused", decoded, refused);
    QCOMPARE(decoded + refused, 400);
}

QTEST_GUILESS_MAIN(TestWsq)
#include "tst_wsq.moc"
