#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace umbral::interchange {

/// Separators of the ANSI/NIST-ITL traditional encoding.
inline constexpr char kFileSeparator = '\x1C';   ///< FS: ends a record
inline constexpr char kGroupSeparator = '\x1D';  ///< GS: ends a field
inline constexpr char kRecordSeparator = '\x1E'; ///< RS: between subfields
inline constexpr char kUnitSeparator = '\x1F';   ///< US: between information items

/// The field number that holds the image (or other binary) data of a tagged record.
inline constexpr int kImageDataField = 999;

/// One field of a record, by number (13 for "14.013"), with its value exactly as stored.
/// A text value is subfields separated by RS, each a list of information items separated by
/// US. Image data (field 999 of a tagged record, the data of a binary record) is raw bytes.
struct Field {
    int number = 0;
    std::string value;

    /// A field from subfields of information items: {{"13"}} or {{"7","31","31","31","31"}, ...}.
    static Field fromItems(int number, const std::vector<std::vector<std::string>>& subfields);
    /// The value split into subfields and items (an empty value gives one empty item).
    std::vector<std::vector<std::string>> subfields() const;
    /// Item `item` of subfield `subfield` (both from 0), or "" when absent.
    std::string item(std::size_t subfield, std::size_t item) const;

    bool operator==(const Field&) const = default;
};

/// Binary records (Types 3-8) carry fixed binary fields; every other type is tagged.
bool isBinaryRecordType(int type);

/// One logical record. Fields are kept in file order; LEN is field 1. Binary records are held
/// with their fixed fields numbered as the standard numbers them (4.001 LEN, 4.002 IDC,
/// 4.003 IMP, 4.004 FGP (6 items), 4.005 ISR, 4.006 HLL, 4.007 VLL, 4.008 GCA, 4.009 DATA),
/// numbers written as decimal text, so that every record can be listed and compared alike.
struct Record {
    int type = 0;
    std::vector<Field> fields;

    const Field* find(int number) const;
    /// The value of field `number`, or "" when the record has no such field.
    std::string text(int number) const;
    /// Replaces field `number` or inserts it in ascending order.
    void set(Field field);
    void set(int number, std::string value) { set(Field{number, std::move(value)}); }
    bool isBinary() const { return isBinaryRecordType(type); }

    bool operator==(const Record&) const = default;
};

/// A transaction: the Type-1 record first, then the records its CNT field lists, in order.
struct Transaction {
    std::vector<Record> records;
    bool operator==(const Transaction&) const = default;
};

/// True when `a` and `b` hold the same fields with the same values, LEN (field 1) aside: LEN
/// depends on how the tags were written (\"1.01\" in old files, \"1.001\" when we write).
bool equalIgnoringLength(const Record& a, const Record& b);
bool equalIgnoringLength(const Transaction& a, const Transaction& b);

/// "14.013": a field tag as written in the traditional encoding (field number with at least
/// three digits).
std::string fieldTag(int recordType, int fieldNumber);

/// "Type-14 record 3, field 14.013: " (record counted from 1 in file order), or without the
/// field part when `fieldNumber` is 0.
std::string location(std::size_t recordIndex, int recordType, int fieldNumber = 0);

} // namespace umbral::interchange
