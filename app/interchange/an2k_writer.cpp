#include "app/interchange/an2k_binary_record.h"
#include "app/interchange/an2k_io.h"
#include "app/interchange/interchange_error.h"

#include <set>

namespace umbral::interchange {

namespace {

std::size_t decimalDigits(std::size_t v) {
    std::size_t n = 1;
    while (v >= 10) {
        v /= 10;
        ++n;
    }
    return n;
}

// 1.003 CNT as the records are: "1 US n", then "type US IDC" per record.
Field contentField(const Transaction& t) {
    std::vector<std::vector<std::string>> subfields;
    subfields.push_back({"1", std::to_string(t.records.size() - 1)});
    for (std::size_t i = 1; i < t.records.size(); ++i) {
        const Record& r = t.records[i];
        const Field* idc = r.find(2);
        if (!idc || idc->value.empty())
            throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                   location(i + 1, r.type, 2) + "IDC is missing");
        subfields.push_back({std::to_string(r.type), idc->value});
    }
    return Field::fromItems(3, subfields);
}

void writeTaggedRecord(const Record& record, std::size_t index, std::vector<std::uint8_t>& out) {
    const int type = record.type;
    std::string body;
    std::set<int> seen;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const Field& f = record.fields[i];
        if (f.number < 1)
            throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                   location(index, type) + "field number " +
                                       std::to_string(f.number));
        if (!seen.insert(f.number).second)
            throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                   location(index, type, f.number) + "appears twice");
        if (f.number == 1)
            continue; // LEN is computed below
        if (f.number == kImageDataField) {
            if (i + 1 != record.fields.size())
                throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                       location(index, type, f.number) +
                                           "image data must be the last field");
        } else if (f.value.find_first_of(std::string{kFileSeparator, kGroupSeparator}) !=
                   std::string::npos) {
            throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                   location(index, type, f.number) +
                                       "a text value may not contain the FS or GS separator");
        }
        body += fieldTag(type, f.number);
        body += ':';
        body += f.value;
        body += kGroupSeparator;
    }
    if (type != 1 && !seen.count(2))
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               location(index, type, 2) + "IDC is missing");

    // LEN counts itself: find the number of digits that makes the total consistent.
    const std::string lenTag = fieldTag(type, 1) + ":";
    const std::size_t fixed = lenTag.size() + 1 + body.size(); // + GS after the LEN value
    std::size_t d = 1;
    while (decimalDigits(fixed + d) != d)
        ++d;
    std::string head = lenTag + std::to_string(fixed + d) + kGroupSeparator;
    (body.empty() ? head : body).back() = kFileSeparator; // the last separator ends the record
    out.insert(out.end(), head.begin(), head.end());
    out.insert(out.end(), body.begin(), body.end());
}

} // namespace

std::vector<std::uint8_t> writeTransaction(const Transaction& transaction) {
    if (transaction.records.empty() || transaction.records.front().type != 1)
        throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                               "a transaction starts with its Type-1 record");
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < transaction.records.size(); ++i) {
        const Record& record = transaction.records[i];
        if (i > 0 && (record.type < 2 || record.type > 99))
            throw InterchangeError(InterchangeErrorCode::InvalidArgument,
                                   location(i + 1, record.type) + "record type must be 2-99");
        if (i == 0) {
            Record type1 = record;
            type1.set(contentField(transaction));
            writeTaggedRecord(type1, 1, out);
        } else if (record.isBinary()) {
            writeBinaryRecord(record, i + 1, out);
        } else {
            writeTaggedRecord(record, i + 1, out);
        }
    }
    return out;
}

} // namespace umbral::interchange
