// Writes the seed corpora of the fuzz targets: small WSQ streams and transactions made by our own
// encoder and writer from synthetic images (the reference data stays out of the repository and
// out of the corpus; docs/interchange.md shows how to add NIST's samples as extra seeds).
//
//   make_fuzz_corpus DIR   ->  DIR/wsq/*.wsq, DIR/an2k/*.an2

#include "app/interchange/an2k_io.h"
#include "app/interchange/an2k_transaction_builder.h"
#include "app/interchange/wsq_codec.h"

#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace umbral::interchange;

namespace {

// Concentric ridges with a period of about nine pixels: a print-like texture.
cv::Mat ridges(int width, int height) {
    cv::Mat m(height, width, CV_8UC1);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double r = std::hypot(x - width * 0.45, (y - height * 0.55) * 1.3);
            m.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>(128 + 100 * std::sin(r * 0.7));
        }
    return m;
}

void save(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    std::cout << path.string() << " " << bytes.size() << " bytes\n";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_fuzz_corpus DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir / "wsq");
    std::filesystem::create_directories(dir / "an2k");

    for (auto [w, h, rate] :
         {std::tuple{64, 64, 0.75}, {96, 80, 2.25}, {128, 100, 0.75}, {65, 127, 1.5}}) {
        WsqEncodeOptions o;
        o.bitRate = rate;
        save(dir / "wsq" / ("ridges_" + std::to_string(w) + "x" + std::to_string(h) + ".wsq"),
             encodeWsq(ridges(w, h), o));
    }

    TransactionContent c;
    c.header = {"ENR", "XXCENTRAL", "XXUMB0001", "SEED-1", "20261128", "20261128101500Z", 0};
    c.traveler = {"DOE",  "JANE",      "19800101",
                  "UTO",  Sex::Female, {"P", "L898902C3", "UTO", "20300101"},
                  "ENC-1"};
    FingerprintCapture slap;
    slap.position = 15;
    slap.image = ridges(128, 64);
    slap.captureDate = "20261128";
    slap.quality = {{1, 50, 3}, {6, std::nullopt, std::nullopt}};
    slap.segments = {{1, 0, 63, 0, 63}, {6, 64, 127, 0, 63}};
    slap.missing = {{6, MissingReason::UnableToPrint}};
    IrisCapture iris;
    iris.eye = 2;
    iris.image = ridges(24, 16);
    iris.captureDate = "20261128";
    iris.qualityScore = 70;
    iris.compression = IrisCompression::None;
    c.fingerprints = {slap};
    c.irises = {iris};
    Transaction t = buildTransaction(c);
    save(dir / "an2k" / "encounter.an2", writeTransaction(t));

    // The record kinds the builder does not write: a binary Type-4 (uncompressed), a Type-10 and
    // a Type-99, and old-style two-digit Type-1 tags.
    Record type4;
    type4.type = 4;
    type4.fields = {Field{1, "0"},
                    Field{2, "03"},
                    Field{3, "0"},
                    Field::fromItems(4, {{"2", "255", "255", "255", "255", "255"}}),
                    Field{5, "0"},
                    Field{6, "8"},
                    Field{7, "4"},
                    Field{8, "0"},
                    Field{9, std::string(32, '\x80')}};
    Record type10;
    type10.type = 10;
    for (auto [n, v] :
         std::initializer_list<std::pair<int, std::string>>{{2, "04"},
                                                            {3, "FACE"},
                                                            {4, "SRC"},
                                                            {5, "20261128"},
                                                            {6, "2"},
                                                            {7, "2"},
                                                            {8, "0"},
                                                            {9, "1"},
                                                            {10, "1"},
                                                            {11, "NONE"},
                                                            {12, "GRAY"},
                                                            {24, std::string("50\x1f"
                                                                             "FFFF\x1f"
                                                                             "1")},
                                                            {999, "abcd"}})
        type10.set(n, v);
    Record type99;
    type99.type = 99;
    for (auto [n, v] :
         std::initializer_list<std::pair<int, std::string>>{{2, "05"},
                                                            {4, "SRC"},
                                                            {5, "20261128101500Z"},
                                                            {100, "0101"},
                                                            {101, "00000010"},
                                                            {102, std::string("80\x1f"
                                                                              "0FFF\x1f"
                                                                              "5477")},
                                                            {103, "001B"},
                                                            {104, "0601"},
                                                            {999, std::string(8, '\0')}})
        type99.set(n, v);
    t.records.insert(t.records.end(), {type4, type10, type99});
    save(dir / "an2k" / "mixed.an2", writeTransaction(t));
    // The same with the Type-1 tags written "1.01:" as in the oldest NIST samples.
    std::string bytes;
    for (std::uint8_t b : writeTransaction(t))
        bytes.push_back(static_cast<char>(b));
    const std::size_t end = bytes.find('\x1C');
    std::string type1 = bytes.substr(0, end + 1);
    std::size_t removed = 0;
    for (std::size_t i = 0; (i = type1.find("1.00", i)) != std::string::npos; ++i, ++removed)
        type1.erase(i + 2, 1);
    const std::size_t colon = type1.find(':'), gs = type1.find('\x1D');
    std::size_t length = std::stoul(type1.substr(colon + 1, gs - colon - 1)) - removed;
    if (std::to_string(length).size() < gs - colon - 1)
        --length; // the LEN value itself lost a digit
    type1.replace(colon + 1, gs - colon - 1, std::to_string(length));
    const std::string old = type1 + bytes.substr(end + 1);
    save(dir / "an2k" / "two_digit_tags.an2", std::vector<std::uint8_t>(old.begin(), old.end()));
    return 0;
}
