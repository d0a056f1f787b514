// Interchange benchmark: WSQ at 0.75 bpp on the reference fingerprints (compressed size,
// compression ratio, RMS error, speed), WSQ decoding of NIST's slaps, and ANSI/NIST-ITL
// reading, validation and building. Prints its numbers; docs/benchmarks.md keeps them.
//
//   bench_interchange [bitrate]

#include "app/interchange/an2k_images.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_transaction_builder.h"
#include "app/interchange/an2k_validation.h"
#include "app/interchange/wsq_codec.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace umbral::interchange;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kData = UMBRAL_SHARED_DATA;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<std::uint8_t> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

struct SetResult {
    int images = 0;
    double pixels = 0, bytes = 0;
    double sumRatio = 0, sumBpp = 0, sumRms = 0, maxRms = 0, minRatio = 1e9, maxRatio = 0;
    double encodeMs = 0, decodeMs = 0;
};

SetResult runSet(const std::string& folder, const std::string& extension, double bitRate) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        if (e.path().extension() == extension)
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    SetResult r;
    WsqEncodeOptions options;
    options.bitRate = bitRate;
    for (const auto& file : files) {
        const cv::Mat image = cv::imread(file.string(), cv::IMREAD_GRAYSCALE);
        auto start = Clock::now();
        const std::vector<std::uint8_t> wsq = encodeWsq(image, options);
        r.encodeMs += msSince(start);
        start = Clock::now();
        const cv::Mat decoded = decodeWsq(wsq).image;
        r.decodeMs += msSince(start);
        cv::Mat diff;
        cv::absdiff(image, decoded, diff);
        diff.convertTo(diff, CV_64F);
        const double rms = std::sqrt(cv::mean(diff.mul(diff))[0]);
        const double ratio = double(image.total()) / wsq.size();
        ++r.images;
        r.pixels += double(image.total());
        r.bytes += double(wsq.size());
        r.sumRatio += ratio;
        r.sumBpp += 8.0 / ratio;
        r.sumRms += rms;
        r.maxRms = std::max(r.maxRms, rms);
        r.minRatio = std::min(r.minRatio, ratio);
        r.maxRatio = std::max(r.maxRatio, ratio);
    }
    return r;
}

void printSet(const char* name, const SetResult& r) {
    std::printf("%-28s %3d  %6.3f  %6.2f:1 (%5.2f-%5.2f)  %6.2f:1  %6.3f  %6.3f  %7.1f  %7.1f\n",
                name, r.images, r.sumBpp / r.images, r.sumRatio / r.images, r.minRatio, r.maxRatio,
                r.pixels / r.bytes, r.sumRms / r.images, r.maxRms, r.encodeMs / (r.pixels / 1e6),
                r.decodeMs / (r.pixels / 1e6));
}

} // namespace

int main(int argc, char** argv) {
    const double bitRate = argc > 1 ? std::atof(argv[1]) : 0.75;
    std::printf("WSQ encode + decode at %.2f bpp\n", bitRate);
    std::printf("%-28s %3s  %6s  %-24s %8s  %6s  %6s  %7s  %7s\n", "set", "n", "bpp",
                "ratio mean (min-max)", "overall", "RMS", "maxRMS", "enc ms/MP", "dec ms/MP");
    printSet("FVC2002 DB1 B (optical)",
             runSet(kData + "/fingerprints/fvc2002-db1b", ".tif", bitRate));
    printSet("FVC2002 DB4 B (SFinGe)",
             runSet(kData + "/fingerprints/fvc2002-db4b", ".tif", bitRate));
    printSet("NFIQ 2 SFinGe examples",
             runSet(kData + "/fingerprints/nfiq2-reference/images", ".pgm", bitRate));

    // NIST's WSQ slaps: decoding speed, and our re-encoding of the decoded slaps.
    const Transaction slaps = readTransaction(readFile(kData + "/ansi-nist/valid1.8.an2"));
    double decodeMs = 0, pixels = 0, nistBytes = 0, ourBytes = 0;
    for (std::size_t i = 2; i < slaps.records.size(); ++i) {
        const auto image = recordImage(slaps.records[i]);
        const auto start = Clock::now();
        const cv::Mat decoded = decodeWsq(image->data).image;
        decodeMs += msSince(start);
        pixels += double(decoded.total());
        nistBytes += double(image->data.size());
        WsqEncodeOptions options;
        options.bitRate = bitRate;
        ourBytes += double(encodeWsq(decoded, options).size());
    }
    std::printf(
        "\nvalid1.8 slaps: %.1f MP, NIST's WSQ %.0f bytes (%.2f:1, %.3f bpp), decode %.1f ms/MP;\n"
        "  re-encoded by us at %.2f bpp: %.0f bytes (%.2f:1)\n",
        pixels / 1e6, nistBytes, pixels / nistBytes, 8 * nistBytes / pixels,
        decodeMs / (pixels / 1e6), bitRate, ourBytes, pixels / ourBytes);

    // ANSI/NIST-ITL: read + validate the largest sample; build and write a full encounter.
    const std::vector<std::uint8_t> sixteen = readFile(kData + "/ansi-nist/valid1.16.an2");
    constexpr int kRounds = 50;
    auto start = Clock::now();
    std::size_t findings = 0;
    for (int i = 0; i < kRounds; ++i)
        findings += validateTransaction(readTransaction(sixteen)).size();
    std::printf("\nvalid1.16 (%zu bytes, 10 records): read + validate %.2f ms (%zu findings)\n",
                sixteen.size(), msSince(start) / kRounds, findings / kRounds);

    TransactionContent content;
    content.header = {"ENR", "XXCENTRAL", "XXUMB0001", "BENCH-1", "20261128", "", 0};
    content.traveler = {
        "DOE", "JANE", "19800101", "UTO", Sex::Female, {"P", "L898902C3", "UTO", "20300101"}, ""};
    for (int slap : {13, 14, 15}) {
        std::vector<cv::Mat> prints;
        for (int f = 0; f < (slap == 15 ? 2 : 4); ++f)
            prints.push_back(cv::imread(kData + "/fingerprints/fvc2002-db1b/10" +
                                            std::to_string(f + 1) + "_" +
                                            std::to_string(slap - 12) + ".tif",
                                        cv::IMREAD_GRAYSCALE));
        FingerprintCapture c;
        c.position = slap;
        cv::hconcat(prints, c.image);
        c.captureDate = "20261128";
        content.fingerprints.push_back(c);
    }
    const cv::Mat eye = cv::imread(kData + "/iris/open-iris-anonymized.png", cv::IMREAD_GRAYSCALE);
    for (int side : {1, 2}) {
        IrisCapture iris;
        iris.eye = side;
        iris.image = eye;
        iris.captureDate = "20261128";
        content.irises.push_back(iris);
    }
    start = Clock::now();
    const std::vector<std::uint8_t> built = buildTransactionBytes(content);
    std::printf(
        "encounter of 3 slaps (%d px) + 2 irises: build + write %.1f ms, %zu bytes\n",
        [&] {
            int n = 0;
            for (const auto& c : content.fingerprints)
                n += int(c.image.total());
            return n;
        }(),
        msSince(start), built.size());
    return 0;
}
