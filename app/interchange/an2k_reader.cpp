#include "app/interchange/an2k_binary_record.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/interchange_error.h"

#include <charconv>
#include <cstring>
#include <set>

namespace umbral::interchange {

namespace {

constexpr int kMaxTypeDigits = 3;
constexpr int kMaxFieldDigits = 9;
constexpr int kMaxLengthDigits = 10;

struct Tag {
    int type = 0;
    int field = 0;
    std::size_t valueStart = 0;
};

// Reads a run of 1..maxDigits decimal digits at data[pos]; returns the number of digits (0 if
// none or too many).
std::size_t digits(std::span<const std::uint8_t> data, std::size_t pos, std::size_t end,
                   int maxDigits, long long& value) {
    std::size_t n = 0;
    value = 0;
    while (pos + n < end && data[pos + n] >= '0' && data[pos + n] <= '9') {
        if (static_cast<int>(++n) > maxDigits)
            return 0;
        value = value * 10 + (data[pos + n - 1] - '0');
    }
    return n;
}

// "T.NNN:" at data[pos]. `expectedType` 0 accepts any type.
Tag parseTag(std::span<const std::uint8_t> data, std::size_t pos, std::size_t end,
             std::size_t recordIndex, int expectedType) {
    auto fail = [&](const std::string& what) -> Tag {
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(recordIndex, expectedType) + what + " at byte " +
                                   std::to_string(pos));
    };
    long long type = 0, field = 0;
    const std::size_t typeDigits = digits(data, pos, end, kMaxTypeDigits, type);
    if (typeDigits == 0 || pos + typeDigits >= end || data[pos + typeDigits] != '.')
        return fail("expected a field tag such as \"14.013:\"");
    const std::size_t fieldPos = pos + typeDigits + 1;
    const std::size_t fieldDigits = digits(data, fieldPos, end, kMaxFieldDigits, field);
    if (fieldDigits == 0 || fieldPos + fieldDigits >= end || data[fieldPos + fieldDigits] != ':')
        return fail("expected a field tag such as \"14.013:\"");
    if (field == 0)
        return fail("field number 0 in a tag");
    if (expectedType != 0 && type != expectedType)
        throw InterchangeError(InterchangeErrorCode::Inconsistent,
                               location(recordIndex, expectedType) + "tag of a Type-" +
                                   std::to_string(type) + " field at byte " + std::to_string(pos));
    return Tag{static_cast<int>(type), static_cast<int>(field), fieldPos + fieldDigits + 1};
}

std::size_t findByte(std::span<const std::uint8_t> data, std::size_t from, std::size_t end,
                     char c) {
    if (from >= end)
        return end;
    const void* hit = std::memchr(data.data() + from, static_cast<unsigned char>(c), end - from);
    return hit ? static_cast<std::size_t>(static_cast<const std::uint8_t*>(hit) - data.data())
               : end;
}

struct ParsedRecord {
    Record record;
    std::size_t length = 0;
};

ParsedRecord parseTaggedRecord(std::span<const std::uint8_t> data, std::size_t start,
                               int expectedType, std::size_t recordIndex) {
    const Tag lenTag = parseTag(data, start, data.size(), recordIndex, expectedType);
    const int type = lenTag.type;
    if (lenTag.field != 1)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(recordIndex, type, lenTag.field) +
                                   "a record must start with its LEN field (" + fieldTag(type, 1) +
                                   ")");
    long long length = 0;
    const std::size_t lengthDigits =
        digits(data, lenTag.valueStart, data.size(), kMaxLengthDigits, length);
    const std::size_t afterLength = lenTag.valueStart + lengthDigits;
    if (lengthDigits == 0 || afterLength >= data.size() || data[afterLength] != kGroupSeparator)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(recordIndex, type, 1) +
                                   "LEN is not a number followed by GS");
    const auto minimum = static_cast<long long>(afterLength - start + 1);
    if (length <= minimum)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(recordIndex, type, 1) + "LEN " + std::to_string(length) +
                                   " is shorter than the LEN field itself");
    if (static_cast<unsigned long long>(length) > data.size() - start)
        throw InterchangeError(InterchangeErrorCode::Truncated,
                               location(recordIndex, type, 1) + "LEN " + std::to_string(length) +
                                   " runs past the end of the file (" +
                                   std::to_string(data.size() - start) + " bytes left)");
    const std::size_t end = start + static_cast<std::size_t>(length);
    if (data[end - 1] != kFileSeparator)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(recordIndex, type, 1) + "no FS at byte " +
                                   std::to_string(end - 1) + ", where LEN " +
                                   std::to_string(length) + " says the record ends");
    const std::size_t contentEnd = end - 1;

    ParsedRecord parsed;
    parsed.record.type = type;
    parsed.length = static_cast<std::size_t>(length);
    std::set<int> seen;
    std::size_t pos = start;
    while (pos < contentEnd) {
        const Tag tag = parseTag(data, pos, contentEnd, recordIndex, type);
        if (!seen.insert(tag.field).second)
            throw InterchangeError(InterchangeErrorCode::Inconsistent,
                                   location(recordIndex, type, tag.field) + "appears twice");
        std::size_t valueEnd = contentEnd;
        if (tag.field != kImageDataField) {
            // Text ends at GS; image data (999) is binary and runs to the end of the record.
            valueEnd = findByte(data, tag.valueStart, contentEnd, kGroupSeparator);
            const std::size_t fs = findByte(data, tag.valueStart, valueEnd, kFileSeparator);
            if (fs != valueEnd)
                throw InterchangeError(InterchangeErrorCode::Malformed,
                                       location(recordIndex, type, tag.field) +
                                           "FS inside the field at byte " + std::to_string(fs) +
                                           ", before the end LEN gives");
        }
        parsed.record.fields.push_back(Field{
            tag.field, std::string(reinterpret_cast<const char*>(data.data()) + tag.valueStart,
                                   valueEnd - tag.valueStart)});
        pos = valueEnd + 1;
    }
    return parsed;
}

struct ContentEntry {
    int type = 0;
    long long idc = 0;
};

long long parseInteger(const std::string& text, std::size_t recordIndex, int type, int field,
                       const std::string& what) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 0)
        throw InterchangeError(InterchangeErrorCode::Malformed, location(recordIndex, type, field) +
                                                                    what + " \"" + text +
                                                                    "\" is not a number");
    return v;
}

// 1.003 CNT: "1 US n", then "type US IDC" for each of the n other records.
std::vector<ContentEntry> parseContents(const Record& type1) {
    const Field* cnt = type1.find(3);
    if (!cnt)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(1, 1, 3) + "CNT (file content) is missing");
    const auto subfields = cnt->subfields();
    if (subfields.front().size() != 2 ||
        parseInteger(subfields.front()[0], 1, 1, 3, "first record type") != 1)
        throw InterchangeError(InterchangeErrorCode::Malformed,
                               location(1, 1, 3) +
                                   "the first subfield must be \"1\" US record count");
    const long long count = parseInteger(subfields.front()[1], 1, 1, 3, "record count");
    if (count != static_cast<long long>(subfields.size() - 1))
        throw InterchangeError(InterchangeErrorCode::Inconsistent,
                               location(1, 1, 3) + "says " + std::to_string(count) +
                                   " more records but lists " +
                                   std::to_string(subfields.size() - 1));
    std::vector<ContentEntry> entries;
    for (std::size_t s = 1; s < subfields.size(); ++s) {
        if (subfields[s].size() != 2)
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   location(1, 1, 3) + "subfield " + std::to_string(s + 1) +
                                       " must be record type US IDC");
        const long long type = parseInteger(subfields[s][0], 1, 1, 3, "record type");
        if (type < 2 || type > 99)
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   location(1, 1, 3) + "subfield " + std::to_string(s + 1) +
                                       ": record type " + std::to_string(type) + " is not 2-99");
        entries.push_back({static_cast<int>(type), parseInteger(subfields[s][1], 1, 1, 3, "IDC")});
    }
    return entries;
}

} // namespace

Transaction readTransaction(std::span<const std::uint8_t> data) {
    if (data.empty())
        throw InterchangeError(InterchangeErrorCode::Truncated, "empty file: no Type-1 record");
    Transaction transaction;
    ParsedRecord first = parseTaggedRecord(data, 0, 1, 1);
    std::size_t pos = first.length;
    const std::vector<ContentEntry> contents = parseContents(first.record);
    transaction.records.push_back(std::move(first.record));

    for (std::size_t i = 0; i < contents.size(); ++i) {
        const std::size_t index = i + 2;
        const ContentEntry& entry = contents[i];
        if (pos >= data.size())
            throw InterchangeError(InterchangeErrorCode::Truncated,
                                   location(index, entry.type) +
                                       "the file ends before this record, "
                                       "which 1.003 CNT lists");
        Record record;
        if (isBinaryRecordType(entry.type)) {
            record = parseBinaryRecord(data.subspan(pos), entry.type, index);
            pos += static_cast<std::size_t>(std::stoul(record.text(1)));
        } else {
            ParsedRecord parsed = parseTaggedRecord(data, pos, entry.type, index);
            record = std::move(parsed.record);
            pos += parsed.length;
        }
        const Field* idc = record.find(2);
        if (!idc)
            throw InterchangeError(InterchangeErrorCode::Malformed,
                                   location(index, entry.type, 2) + "IDC is missing");
        if (parseInteger(idc->value, index, entry.type, 2, "IDC") != entry.idc)
            throw InterchangeError(InterchangeErrorCode::Inconsistent,
                                   location(index, entry.type, 2) + "IDC " + idc->value +
                                       " differs from " + std::to_string(entry.idc) +
                                       ", which 1.003 CNT gives for this record");
        transaction.records.push_back(std::move(record));
    }
    if (pos != data.size())
        throw InterchangeError(InterchangeErrorCode::Inconsistent,
                               std::to_string(data.size() - pos) +
                                   " bytes follow the last record that 1.003 CNT lists");
    return transaction;
}

} // namespace umbral::interchange
