#include "app/interchange/an2k_binary_record.h"

#include "app/interchange/interchange_error.h"

#include <charconv>
#include <cstdio>

namespace umbral::interchange {

namespace {

struct BinaryField {
    int number;
    int bytes;     // 1, 2 or 4
    int count = 1; // FGP holds six one-byte finger positions
};

const std::vector<BinaryField>& layout(int type) {
    // Types 3-6 (low/high resolution grey, binary images): ANSI/NIST-ITL 1-2011 Table 28 and
    // the deprecated types' tables of the earlier editions.
    static const std::vector<BinaryField> image{{1, 4}, {2, 1}, {3, 1}, {4, 1, 6},
                                                {5, 1}, {6, 2}, {7, 2}, {8, 1}};
    static const std::vector<BinaryField> signature{{1, 4}, {2, 1}, {3, 1}, {4, 1},
                                                    {5, 1}, {6, 2}, {7, 2}};
    static const std::vector<BinaryField> userDefined{{1, 4}, {2, 1}};
    if (type == 7)
        return userDefined;
    if (type == 8)
        return signature;
    return image;
}

std::uint32_t readBigEndian(std::span<const std::uint8_t> data, std::size_t pos, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | data[pos + static_cast<std::size_t>(i)];
    return v;
}

std::string formatIdc(std::uint32_t v) {
    char s[8];
    std::snprintf(s, sizeof s, "%02u", v);
    return s;
}

std::uint32_t parseNumber(const std::string& text, std::uint32_t max, std::size_t recordIndex,
                          int type, int field) {
    std::uint32_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v > max)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               location(recordIndex, type, field) + "\"" + text +
                                   "\" is not a number from 0 to " + std::to_string(max));
    return v;
}

} // namespace

std::size_t binaryHeaderSize(int type) {
    std::size_t n = 0;
    for (const BinaryField& f : layout(type))
        n += static_cast<std::size_t>(f.bytes * f.count);
    return n;
}

int binaryDataField(int type) {
    return layout(type).back().number + 1;
}

Record parseBinaryRecord(std::span<const std::uint8_t> data, int type, std::size_t recordIndex) {
    const std::size_t header = binaryHeaderSize(type);
    if (data.size() < 4)
        throw InterchangeError(InterchangeErrorCode::Truncated,
                               location(recordIndex, type) +
                                   "the file ends inside the record length");
    const std::uint32_t length = readBigEndian(data, 0, 4);
    if (length < header)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(recordIndex, type, 1) + "length " + std::to_string(length) +
                                   " is shorter than the " + std::to_string(header) +
                                   "-byte header");
    if (length > data.size())
        throw InterchangeError(InterchangeErrorCode::Truncated,
                               location(recordIndex, type, 1) + "length " + std::to_string(length) +
                                   " runs past the end of the file (" +
                                   std::to_string(data.size()) + " bytes left)");
    Record record;
    record.type = type;
    std::size_t pos = 0;
    for (const BinaryField& f : layout(type)) {
        std::vector<std::string> items;
        for (int i = 0; i < f.count; ++i, pos += static_cast<std::size_t>(f.bytes)) {
            const std::uint32_t v = readBigEndian(data, pos, f.bytes);
            items.push_back(f.number == 2 ? formatIdc(v) : std::to_string(v));
        }
        record.fields.push_back(Field::fromItems(f.number, {items}));
    }
    record.fields.push_back(
        Field{binaryDataField(type),
              std::string(reinterpret_cast<const char*>(data.data()) + header, length - header)});
    return record;
}

void writeBinaryRecord(const Record& record, std::size_t recordIndex,
                       std::vector<std::uint8_t>& out) {
    const int type = record.type;
    const Field* dataField = record.find(binaryDataField(type));
    const std::size_t total = binaryHeaderSize(type) + (dataField ? dataField->value.size() : 0);
    if (total > 0xFFFFFFFFu)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               location(recordIndex, type) + "record longer than 4 GiB");
    for (const BinaryField& f : layout(type)) {
        std::vector<std::uint32_t> values;
        if (f.number == 1) {
            values.push_back(static_cast<std::uint32_t>(total));
        } else {
            const Field* field = record.find(f.number);
            if (!field)
                throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                       location(recordIndex, type, f.number) + "missing");
            const auto subfields = field->subfields();
            const auto& items = subfields.front();
            if (subfields.size() != 1 || items.size() != static_cast<std::size_t>(f.count))
                throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                       location(recordIndex, type, f.number) + "expected " +
                                           std::to_string(f.count) + " item(s)");
            const std::uint32_t max = f.bytes == 1 ? 0xFFu : f.bytes == 2 ? 0xFFFFu : 0xFFFFFFFFu;
            for (const std::string& item : items)
                values.push_back(parseNumber(item, max, recordIndex, type, f.number));
        }
        for (std::uint32_t v : values)
            for (int b = f.bytes - 1; b >= 0; --b)
                out.push_back(static_cast<std::uint8_t>((v >> (8 * b)) & 0xFF));
    }
    if (dataField)
        out.insert(out.end(), dataField->value.begin(), dataField->value.end());
}

} // namespace umbral::interchange
