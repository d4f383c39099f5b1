#include "analysis/expansion.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace msm::analysis {
namespace {

// Go's scanner.EOF; never a valid rune, and written as U+FFFD when it ends up in a message
// (BuildKit formats it with string(rune) / %c).
constexpr char32_t end_of_input = 0xFFFFFFFFu;
constexpr char32_t replacement_rune = 0xFFFD;
constexpr char32_t byte_order_mark = 0xFEFF;

// ---- Unicode classes (Go's unicode.IsLetter / IsDigit / IsSpace) -------------------------

struct RuneRange {
  char32_t first;
  char32_t last;
};

// Non-ASCII ranges only (ASCII has a fast path). Generated from Unicode 14 data: category L*
// for letters, Nd for digits.
constexpr RuneRange letter_ranges[] = {
    {0xAA, 0xAA}, {0xB5, 0xB5}, {0xBA, 0xBA}, {0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x2C1},
    {0x2C6, 0x2D1}, {0x2E0, 0x2E4}, {0x2EC, 0x2EC}, {0x2EE, 0x2EE}, {0x370, 0x374}, {0x376, 0x377},
    {0x37A, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1},
    {0x3A3, 0x3F5}, {0x3F7, 0x481}, {0x48A, 0x52F}, {0x531, 0x556}, {0x559, 0x559}, {0x560, 0x588},
    {0x5D0, 0x5EA}, {0x5EF, 0x5F2}, {0x620, 0x64A}, {0x66E, 0x66F}, {0x671, 0x6D3}, {0x6D5, 0x6D5},
    {0x6E5, 0x6E6}, {0x6EE, 0x6EF}, {0x6FA, 0x6FC}, {0x6FF, 0x6FF}, {0x710, 0x710}, {0x712, 0x72F},
    {0x74D, 0x7A5}, {0x7B1, 0x7B1}, {0x7CA, 0x7EA}, {0x7F4, 0x7F5}, {0x7FA, 0x7FA}, {0x800, 0x815},
    {0x81A, 0x81A}, {0x824, 0x824}, {0x828, 0x828}, {0x840, 0x858}, {0x860, 0x86A}, {0x870, 0x887},
    {0x889, 0x88E}, {0x8A0, 0x8C9}, {0x904, 0x939}, {0x93D, 0x93D}, {0x950, 0x950}, {0x958, 0x961},
    {0x971, 0x980}, {0x985, 0x98C}, {0x98F, 0x990}, {0x993, 0x9A8}, {0x9AA, 0x9B0}, {0x9B2, 0x9B2},
    {0x9B6, 0x9B9}, {0x9BD, 0x9BD}, {0x9CE, 0x9CE}, {0x9DC, 0x9DD}, {0x9DF, 0x9E1}, {0x9F0, 0x9F1},
    {0x9FC, 0x9FC}, {0xA05, 0xA0A}, {0xA0F, 0xA10}, {0xA13, 0xA28}, {0xA2A, 0xA30}, {0xA32, 0xA33},
    {0xA35, 0xA36}, {0xA38, 0xA39}, {0xA59, 0xA5C}, {0xA5E, 0xA5E}, {0xA72, 0xA74}, {0xA85, 0xA8D},
    {0xA8F, 0xA91}, {0xA93, 0xAA8}, {0xAAA, 0xAB0}, {0xAB2, 0xAB3}, {0xAB5, 0xAB9}, {0xABD, 0xABD},
    {0xAD0, 0xAD0}, {0xAE0, 0xAE1}, {0xAF9, 0xAF9}, {0xB05, 0xB0C}, {0xB0F, 0xB10}, {0xB13, 0xB28},
    {0xB2A, 0xB30}, {0xB32, 0xB33}, {0xB35, 0xB39}, {0xB3D, 0xB3D}, {0xB5C, 0xB5D}, {0xB5F, 0xB61},
    {0xB71, 0xB71}, {0xB83, 0xB83}, {0xB85, 0xB8A}, {0xB8E, 0xB90}, {0xB92, 0xB95}, {0xB99, 0xB9A},
    {0xB9C, 0xB9C}, {0xB9E, 0xB9F}, {0xBA3, 0xBA4}, {0xBA8, 0xBAA}, {0xBAE, 0xBB9}, {0xBD0, 0xBD0},
    {0xC05, 0xC0C}, {0xC0E, 0xC10}, {0xC12, 0xC28}, {0xC2A, 0xC39}, {0xC3D, 0xC3D}, {0xC58, 0xC5A},
    {0xC5D, 0xC5D}, {0xC60, 0xC61}, {0xC80, 0xC80}, {0xC85, 0xC8C}, {0xC8E, 0xC90}, {0xC92, 0xCA8},
    {0xCAA, 0xCB3}, {0xCB5, 0xCB9}, {0xCBD, 0xCBD}, {0xCDD, 0xCDE}, {0xCE0, 0xCE1}, {0xCF1, 0xCF2},
    {0xD04, 0xD0C}, {0xD0E, 0xD10}, {0xD12, 0xD3A}, {0xD3D, 0xD3D}, {0xD4E, 0xD4E}, {0xD54, 0xD56},
    {0xD5F, 0xD61}, {0xD7A, 0xD7F}, {0xD85, 0xD96}, {0xD9A, 0xDB1}, {0xDB3, 0xDBB}, {0xDBD, 0xDBD},
    {0xDC0, 0xDC6}, {0xE01, 0xE30}, {0xE32, 0xE33}, {0xE40, 0xE46}, {0xE81, 0xE82}, {0xE84, 0xE84},
    {0xE86, 0xE8A}, {0xE8C, 0xEA3}, {0xEA5, 0xEA5}, {0xEA7, 0xEB0}, {0xEB2, 0xEB3}, {0xEBD, 0xEBD},
    {0xEC0, 0xEC4}, {0xEC6, 0xEC6}, {0xEDC, 0xEDF}, {0xF00, 0xF00}, {0xF40, 0xF47}, {0xF49, 0xF6C},
    {0xF88, 0xF8C}, {0x1000, 0x102A}, {0x103F, 0x103F}, {0x1050, 0x1055}, {0x105A, 0x105D},
    {0x1061, 0x1061}, {0x1065, 0x1066}, {0x106E, 0x1070}, {0x1075, 0x1081}, {0x108E, 0x108E},
    {0x10A0, 0x10C5}, {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x10FA}, {0x10FC, 0x1248},
    {0x124A, 0x124D}, {0x1250, 0x1256}, {0x1258, 0x1258}, {0x125A, 0x125D}, {0x1260, 0x1288},
    {0x128A, 0x128D}, {0x1290, 0x12B0}, {0x12B2, 0x12B5}, {0x12B8, 0x12BE}, {0x12C0, 0x12C0},
    {0x12C2, 0x12C5}, {0x12C8, 0x12D6}, {0x12D8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135A},
    {0x1380, 0x138F}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1401, 0x166C}, {0x166F, 0x167F},
    {0x1681, 0x169A}, {0x16A0, 0x16EA}, {0x16F1, 0x16F8}, {0x1700, 0x1711}, {0x171F, 0x1731},
    {0x1740, 0x1751}, {0x1760, 0x176C}, {0x176E, 0x1770}, {0x1780, 0x17B3}, {0x17D7, 0x17D7},
    {0x17DC, 0x17DC}, {0x1820, 0x1878}, {0x1880, 0x1884}, {0x1887, 0x18A8}, {0x18AA, 0x18AA},
    {0x18B0, 0x18F5}, {0x1900, 0x191E}, {0x1950, 0x196D}, {0x1970, 0x1974}, {0x1980, 0x19AB},
    {0x19B0, 0x19C9}, {0x1A00, 0x1A16}, {0x1A20, 0x1A54}, {0x1AA7, 0x1AA7}, {0x1B05, 0x1B33},
    {0x1B45, 0x1B4C}, {0x1B83, 0x1BA0}, {0x1BAE, 0x1BAF}, {0x1BBA, 0x1BE5}, {0x1C00, 0x1C23},
    {0x1C4D, 0x1C4F}, {0x1C5A, 0x1C7D}, {0x1C80, 0x1C88}, {0x1C90, 0x1CBA}, {0x1CBD, 0x1CBF},
    {0x1CE9, 0x1CEC}, {0x1CEE, 0x1CF3}, {0x1CF5, 0x1CF6}, {0x1CFA, 0x1CFA}, {0x1D00, 0x1DBF},
    {0x1E00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57},
    {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4},
    {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3},
    {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC}, {0x2071, 0x2071},
    {0x207F, 0x207F}, {0x2090, 0x209C}, {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210A, 0x2113},
    {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128},
    {0x212A, 0x212D}, {0x212F, 0x2139}, {0x213C, 0x213F}, {0x2145, 0x2149}, {0x214E, 0x214E},
    {0x2183, 0x2184}, {0x2C00, 0x2CE4}, {0x2CEB, 0x2CEE}, {0x2CF2, 0x2CF3}, {0x2D00, 0x2D25},
    {0x2D27, 0x2D27}, {0x2D2D, 0x2D2D}, {0x2D30, 0x2D67}, {0x2D6F, 0x2D6F}, {0x2D80, 0x2D96},
    {0x2DA0, 0x2DA6}, {0x2DA8, 0x2DAE}, {0x2DB0, 0x2DB6}, {0x2DB8, 0x2DBE}, {0x2DC0, 0x2DC6},
    {0x2DC8, 0x2DCE}, {0x2DD0, 0x2DD6}, {0x2DD8, 0x2DDE}, {0x2E2F, 0x2E2F}, {0x3005, 0x3006},
    {0x3031, 0x3035}, {0x303B, 0x303C}, {0x3041, 0x3096}, {0x309D, 0x309F}, {0x30A1, 0x30FA},
    {0x30FC, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E}, {0x31A0, 0x31BF}, {0x31F0, 0x31FF},
    {0x3400, 0x4DBF}, {0x4E00, 0xA48C}, {0xA4D0, 0xA4FD}, {0xA500, 0xA60C}, {0xA610, 0xA61F},
    {0xA62A, 0xA62B}, {0xA640, 0xA66E}, {0xA67F, 0xA69D}, {0xA6A0, 0xA6E5}, {0xA717, 0xA71F},
    {0xA722, 0xA788}, {0xA78B, 0xA7CA}, {0xA7D0, 0xA7D1}, {0xA7D3, 0xA7D3}, {0xA7D5, 0xA7D9},
    {0xA7F2, 0xA801}, {0xA803, 0xA805}, {0xA807, 0xA80A}, {0xA80C, 0xA822}, {0xA840, 0xA873},
    {0xA882, 0xA8B3}, {0xA8F2, 0xA8F7}, {0xA8FB, 0xA8FB}, {0xA8FD, 0xA8FE}, {0xA90A, 0xA925},
    {0xA930, 0xA946}, {0xA960, 0xA97C}, {0xA984, 0xA9B2}, {0xA9CF, 0xA9CF}, {0xA9E0, 0xA9E4},
    {0xA9E6, 0xA9EF}, {0xA9FA, 0xA9FE}, {0xAA00, 0xAA28}, {0xAA40, 0xAA42}, {0xAA44, 0xAA4B},
    {0xAA60, 0xAA76}, {0xAA7A, 0xAA7A}, {0xAA7E, 0xAAAF}, {0xAAB1, 0xAAB1}, {0xAAB5, 0xAAB6},
    {0xAAB9, 0xAABD}, {0xAAC0, 0xAAC0}, {0xAAC2, 0xAAC2}, {0xAADB, 0xAADD}, {0xAAE0, 0xAAEA},
    {0xAAF2, 0xAAF4}, {0xAB01, 0xAB06}, {0xAB09, 0xAB0E}, {0xAB11, 0xAB16}, {0xAB20, 0xAB26},
    {0xAB28, 0xAB2E}, {0xAB30, 0xAB5A}, {0xAB5C, 0xAB69}, {0xAB70, 0xABE2}, {0xAC00, 0xD7A3},
    {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}, {0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0xFB00, 0xFB06},
    {0xFB13, 0xFB17}, {0xFB1D, 0xFB1D}, {0xFB1F, 0xFB28}, {0xFB2A, 0xFB36}, {0xFB38, 0xFB3C},
    {0xFB3E, 0xFB3E}, {0xFB40, 0xFB41}, {0xFB43, 0xFB44}, {0xFB46, 0xFBB1}, {0xFBD3, 0xFD3D},
    {0xFD50, 0xFD8F}, {0xFD92, 0xFDC7}, {0xFDF0, 0xFDFB}, {0xFE70, 0xFE74}, {0xFE76, 0xFEFC},
    {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF},
    {0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC}, {0x10000, 0x1000B}, {0x1000D, 0x10026}, {0x10028, 0x1003A},
    {0x1003C, 0x1003D}, {0x1003F, 0x1004D}, {0x10050, 0x1005D}, {0x10080, 0x100FA},
    {0x10280, 0x1029C}, {0x102A0, 0x102D0}, {0x10300, 0x1031F}, {0x1032D, 0x10340},
    {0x10342, 0x10349}, {0x10350, 0x10375}, {0x10380, 0x1039D}, {0x103A0, 0x103C3},
    {0x103C8, 0x103CF}, {0x10400, 0x1049D}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB},
    {0x10500, 0x10527}, {0x10530, 0x10563}, {0x10570, 0x1057A}, {0x1057C, 0x1058A},
    {0x1058C, 0x10592}, {0x10594, 0x10595}, {0x10597, 0x105A1}, {0x105A3, 0x105B1},
    {0x105B3, 0x105B9}, {0x105BB, 0x105BC}, {0x10600, 0x10736}, {0x10740, 0x10755},
    {0x10760, 0x10767}, {0x10780, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA},
    {0x10800, 0x10805}, {0x10808, 0x10808}, {0x1080A, 0x10835}, {0x10837, 0x10838},
    {0x1083C, 0x1083C}, {0x1083F, 0x10855}, {0x10860, 0x10876}, {0x10880, 0x1089E},
    {0x108E0, 0x108F2}, {0x108F4, 0x108F5}, {0x10900, 0x10915}, {0x10920, 0x10939},
    {0x10980, 0x109B7}, {0x109BE, 0x109BF}, {0x10A00, 0x10A00}, {0x10A10, 0x10A13},
    {0x10A15, 0x10A17}, {0x10A19, 0x10A35}, {0x10A60, 0x10A7C}, {0x10A80, 0x10A9C},
    {0x10AC0, 0x10AC7}, {0x10AC9, 0x10AE4}, {0x10B00, 0x10B35}, {0x10B40, 0x10B55},
    {0x10B60, 0x10B72}, {0x10B80, 0x10B91}, {0x10C00, 0x10C48}, {0x10C80, 0x10CB2},
    {0x10CC0, 0x10CF2}, {0x10D00, 0x10D23}, {0x10E80, 0x10EA9}, {0x10EB0, 0x10EB1},
    {0x10F00, 0x10F1C}, {0x10F27, 0x10F27}, {0x10F30, 0x10F45}, {0x10F70, 0x10F81},
    {0x10FB0, 0x10FC4}, {0x10FE0, 0x10FF6}, {0x11003, 0x11037}, {0x11071, 0x11072},
    {0x11075, 0x11075}, {0x11083, 0x110AF}, {0x110D0, 0x110E8}, {0x11103, 0x11126},
    {0x11144, 0x11144}, {0x11147, 0x11147}, {0x11150, 0x11172}, {0x11176, 0x11176},
    {0x11183, 0x111B2}, {0x111C1, 0x111C4}, {0x111DA, 0x111DA}, {0x111DC, 0x111DC},
    {0x11200, 0x11211}, {0x11213, 0x1122B}, {0x11280, 0x11286}, {0x11288, 0x11288},
    {0x1128A, 0x1128D}, {0x1128F, 0x1129D}, {0x1129F, 0x112A8}, {0x112B0, 0x112DE},
    {0x11305, 0x1130C}, {0x1130F, 0x11310}, {0x11313, 0x11328}, {0x1132A, 0x11330},
    {0x11332, 0x11333}, {0x11335, 0x11339}, {0x1133D, 0x1133D}, {0x11350, 0x11350},
    {0x1135D, 0x11361}, {0x11400, 0x11434}, {0x11447, 0x1144A}, {0x1145F, 0x11461},
    {0x11480, 0x114AF}, {0x114C4, 0x114C5}, {0x114C7, 0x114C7}, {0x11580, 0x115AE},
    {0x115D8, 0x115DB}, {0x11600, 0x1162F}, {0x11644, 0x11644}, {0x11680, 0x116AA},
    {0x116B8, 0x116B8}, {0x11700, 0x1171A}, {0x11740, 0x11746}, {0x11800, 0x1182B},
    {0x118A0, 0x118DF}, {0x118FF, 0x11906}, {0x11909, 0x11909}, {0x1190C, 0x11913},
    {0x11915, 0x11916}, {0x11918, 0x1192F}, {0x1193F, 0x1193F}, {0x11941, 0x11941},
    {0x119A0, 0x119A7}, {0x119AA, 0x119D0}, {0x119E1, 0x119E1}, {0x119E3, 0x119E3},
    {0x11A00, 0x11A00}, {0x11A0B, 0x11A32}, {0x11A3A, 0x11A3A}, {0x11A50, 0x11A50},
    {0x11A5C, 0x11A89}, {0x11A9D, 0x11A9D}, {0x11AB0, 0x11AF8}, {0x11C00, 0x11C08},
    {0x11C0A, 0x11C2E}, {0x11C40, 0x11C40}, {0x11C72, 0x11C8F}, {0x11D00, 0x11D06},
    {0x11D08, 0x11D09}, {0x11D0B, 0x11D30}, {0x11D46, 0x11D46}, {0x11D60, 0x11D65},
    {0x11D67, 0x11D68}, {0x11D6A, 0x11D89}, {0x11D98, 0x11D98}, {0x11EE0, 0x11EF2},
    {0x11FB0, 0x11FB0}, {0x12000, 0x12399}, {0x12480, 0x12543}, {0x12F90, 0x12FF0},
    {0x13000, 0x1342E}, {0x14400, 0x14646}, {0x16800, 0x16A38}, {0x16A40, 0x16A5E},
    {0x16A70, 0x16ABE}, {0x16AD0, 0x16AED}, {0x16B00, 0x16B2F}, {0x16B40, 0x16B43},
    {0x16B63, 0x16B77}, {0x16B7D, 0x16B8F}, {0x16E40, 0x16E7F}, {0x16F00, 0x16F4A},
    {0x16F50, 0x16F50}, {0x16F93, 0x16F9F}, {0x16FE0, 0x16FE1}, {0x16FE3, 0x16FE3},
    {0x17000, 0x187F7}, {0x18800, 0x18CD5}, {0x18D00, 0x18D08}, {0x1AFF0, 0x1AFF3},
    {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE}, {0x1B000, 0x1B122}, {0x1B150, 0x1B152},
    {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB}, {0x1BC00, 0x1BC6A}, {0x1BC70, 0x1BC7C},
    {0x1BC80, 0x1BC88}, {0x1BC90, 0x1BC99}, {0x1D400, 0x1D454}, {0x1D456, 0x1D49C},
    {0x1D49E, 0x1D49F}, {0x1D4A2, 0x1D4A2}, {0x1D4A5, 0x1D4A6}, {0x1D4A9, 0x1D4AC},
    {0x1D4AE, 0x1D4B9}, {0x1D4BB, 0x1D4BB}, {0x1D4BD, 0x1D4C3}, {0x1D4C5, 0x1D505},
    {0x1D507, 0x1D50A}, {0x1D50D, 0x1D514}, {0x1D516, 0x1D51C}, {0x1D51E, 0x1D539},
    {0x1D53B, 0x1D53E}, {0x1D540, 0x1D544}, {0x1D546, 0x1D546}, {0x1D54A, 0x1D550},
    {0x1D552, 0x1D6A5}, {0x1D6A8, 0x1D6C0}, {0x1D6C2, 0x1D6DA}, {0x1D6DC, 0x1D6FA},
    {0x1D6FC, 0x1D714}, {0x1D716, 0x1D734}, {0x1D736, 0x1D74E}, {0x1D750, 0x1D76E},
    {0x1D770, 0x1D788}, {0x1D78A, 0x1D7A8}, {0x1D7AA, 0x1D7C2}, {0x1D7C4, 0x1D7CB},
    {0x1DF00, 0x1DF1E}, {0x1E100, 0x1E12C}, {0x1E137, 0x1E13D}, {0x1E14E, 0x1E14E},
    {0x1E290, 0x1E2AD}, {0x1E2C0, 0x1E2EB}, {0x1E7E0, 0x1E7E6}, {0x1E7E8, 0x1E7EB},
    {0x1E7ED, 0x1E7EE}, {0x1E7F0, 0x1E7FE}, {0x1E800, 0x1E8C4}, {0x1E900, 0x1E943},
    {0x1E94B, 0x1E94B}, {0x1EE00, 0x1EE03}, {0x1EE05, 0x1EE1F}, {0x1EE21, 0x1EE22},
    {0x1EE24, 0x1EE24}, {0x1EE27, 0x1EE27}, {0x1EE29, 0x1EE32}, {0x1EE34, 0x1EE37},
    {0x1EE39, 0x1EE39}, {0x1EE3B, 0x1EE3B}, {0x1EE42, 0x1EE42}, {0x1EE47, 0x1EE47},
    {0x1EE49, 0x1EE49}, {0x1EE4B, 0x1EE4B}, {0x1EE4D, 0x1EE4F}, {0x1EE51, 0x1EE52},
    {0x1EE54, 0x1EE54}, {0x1EE57, 0x1EE57}, {0x1EE59, 0x1EE59}, {0x1EE5B, 0x1EE5B},
    {0x1EE5D, 0x1EE5D}, {0x1EE5F, 0x1EE5F}, {0x1EE61, 0x1EE62}, {0x1EE64, 0x1EE64},
    {0x1EE67, 0x1EE6A}, {0x1EE6C, 0x1EE72}, {0x1EE74, 0x1EE77}, {0x1EE79, 0x1EE7C},
    {0x1EE7E, 0x1EE7E}, {0x1EE80, 0x1EE89}, {0x1EE8B, 0x1EE9B}, {0x1EEA1, 0x1EEA3},
    {0x1EEA5, 0x1EEA9}, {0x1EEAB, 0x1EEBB}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B738},
    {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D},
    {0x30000, 0x3134A},
};
constexpr RuneRange digit_ranges[] = {
    {0x660, 0x669}, {0x6F0, 0x6F9}, {0x7C0, 0x7C9}, {0x966, 0x96F}, {0x9E6, 0x9EF}, {0xA66, 0xA6F},
    {0xAE6, 0xAEF}, {0xB66, 0xB6F}, {0xBE6, 0xBEF}, {0xC66, 0xC6F}, {0xCE6, 0xCEF}, {0xD66, 0xD6F},
    {0xDE6, 0xDEF}, {0xE50, 0xE59}, {0xED0, 0xED9}, {0xF20, 0xF29}, {0x1040, 0x1049},
    {0x1090, 0x1099}, {0x17E0, 0x17E9}, {0x1810, 0x1819}, {0x1946, 0x194F}, {0x19D0, 0x19D9},
    {0x1A80, 0x1A89}, {0x1A90, 0x1A99}, {0x1B50, 0x1B59}, {0x1BB0, 0x1BB9}, {0x1C40, 0x1C49},
    {0x1C50, 0x1C59}, {0xA620, 0xA629}, {0xA8D0, 0xA8D9}, {0xA900, 0xA909}, {0xA9D0, 0xA9D9},
    {0xA9F0, 0xA9F9}, {0xAA50, 0xAA59}, {0xABF0, 0xABF9}, {0xFF10, 0xFF19}, {0x104A0, 0x104A9},
    {0x10D30, 0x10D39}, {0x11066, 0x1106F}, {0x110F0, 0x110F9}, {0x11136, 0x1113F},
    {0x111D0, 0x111D9}, {0x112F0, 0x112F9}, {0x11450, 0x11459}, {0x114D0, 0x114D9},
    {0x11650, 0x11659}, {0x116C0, 0x116C9}, {0x11730, 0x11739}, {0x118E0, 0x118E9},
    {0x11950, 0x11959}, {0x11C50, 0x11C59}, {0x11D50, 0x11D59}, {0x11DA0, 0x11DA9},
    {0x16A60, 0x16A69}, {0x16AC0, 0x16AC9}, {0x16B50, 0x16B59}, {0x1D7CE, 0x1D7FF},
    {0x1E140, 0x1E149}, {0x1E2F0, 0x1E2F9}, {0x1E950, 0x1E959}, {0x1FBF0, 0x1FBF9},
};

bool in_ranges(char32_t rune, const RuneRange* begin, const RuneRange* end) {
  const RuneRange* after = std::upper_bound(
      begin, end, rune, [](char32_t value, const RuneRange& range) { return value < range.first; });
  return after != begin && rune <= std::prev(after)->last;
}

bool is_letter(char32_t rune) {
  if (rune < 0x80) return (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z');
  return in_ranges(rune, std::begin(letter_ranges), std::end(letter_ranges));
}

bool is_digit(char32_t rune) {
  if (rune < 0x80) return rune >= '0' && rune <= '9';
  return in_ranges(rune, std::begin(digit_ranges), std::end(digit_ranges));
}

bool is_space(char32_t rune) {
  switch (rune) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
      return true;
    default:
      return rune >= 0x2000 && rune <= 0x200A;
  }
}

bool is_special_parameter(char32_t rune) {
  switch (rune) {
    case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
      return true;
    default:
      return false;
  }
}

// ---- UTF-8 with Go's rules: an invalid byte decodes as U+FFFD of width 1 ---------------------

struct DecodedRune {
  char32_t rune;
  std::size_t width;
};

DecodedRune decode_rune(std::string_view text, std::size_t pos) {
  const auto byte_at = [&](std::size_t i) -> char32_t {
    return static_cast<unsigned char>(text[pos + i]);
  };
  const std::size_t available = text.size() - pos;
  const auto continuation = [&](std::size_t i) {
    return i < available && (byte_at(i) & 0xC0) == 0x80;
  };
  const char32_t lead = byte_at(0);
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (continuation(1)) return {((lead & 0x1F) << 6) | (byte_at(1) & 0x3F), 2};
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    // The second byte's range excludes overlong forms (E0) and surrogates (ED).
    const char32_t low = lead == 0xE0 ? 0xA0 : 0x80;
    const char32_t high = lead == 0xED ? 0x9F : 0xBF;
    if (available >= 3 && byte_at(1) >= low && byte_at(1) <= high && continuation(2)) {
      return {((lead & 0x0F) << 12) | ((byte_at(1) & 0x3F) << 6) | (byte_at(2) & 0x3F), 3};
    }
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    const char32_t low = lead == 0xF0 ? 0x90 : 0x80;
    const char32_t high = lead == 0xF4 ? 0x8F : 0xBF;
    if (available >= 4 && byte_at(1) >= low && byte_at(1) <= high && continuation(2) &&
        continuation(3)) {
      return {((lead & 0x07) << 18) | ((byte_at(1) & 0x3F) << 12) | ((byte_at(2) & 0x3F) << 6) |
                  (byte_at(3) & 0x3F),
              4};
    }
  }
  return {replacement_rune, 1};
}

void append_rune(std::string& out, char32_t rune) {
  if (rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) rune = replacement_rune;
  if (rune < 0x80) {
    out += static_cast<char>(rune);
  } else if (rune < 0x800) {
    out += static_cast<char>(0xC0 | (rune >> 6));
    out += static_cast<char>(0x80 | (rune & 0x3F));
  } else if (rune < 0x10000) {
    out += static_cast<char>(0xE0 | (rune >> 12));
    out += static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (rune & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (rune >> 18));
    out += static_cast<char>(0x80 | ((rune >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((rune >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (rune & 0x3F));
  }
}

std::string rune_text(char32_t rune) {
  std::string text;
  append_rune(text, rune);
  return text;
}

// The text as runes plus the byte offset of each rune (and of the end), so matches found on
// runes can cut the original bytes.
struct DecodedText {
  std::vector<char32_t> runes;
  std::vector<std::size_t> offsets;
};

DecodedText decode_text(std::string_view text) {
  DecodedText decoded;
  decoded.runes.reserve(text.size());
  decoded.offsets.reserve(text.size() + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const DecodedRune rune = decode_rune(text, pos);
    decoded.runes.push_back(rune.rune);
    decoded.offsets.push_back(pos);
    pos += rune.width;
  }
  decoded.offsets.push_back(pos);
  return decoded;
}

// Go's text/scanner as BuildKit uses it: one rune of lookahead, invalid bytes become U+FFFD,
// and a byte order mark is skipped when it is the very first rune.
class RuneScanner {
 public:
  explicit RuneScanner(std::string_view text) : m_text(text) {
    load();
    if (m_current == byte_order_mark) advance();
  }

  char32_t peek() const { return m_current; }
  bool at_end() const { return m_current == end_of_input; }

  char32_t next() {
    const char32_t current = m_current;
    if (current != end_of_input) advance();
    return current;
  }

 private:
  void load() {
    if (m_pos >= m_text.size()) {
      m_current = end_of_input;
      m_width = 0;
      return;
    }
    const DecodedRune rune = decode_rune(m_text, m_pos);
    m_current = rune.rune;
    m_width = rune.width;
  }

  void advance() {
    m_pos += m_width;
    load();
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  char32_t m_current = end_of_input;
  std::size_t m_width = 0;
};

// ---- Patterns ----------------------------------------------------------------------------
//
// BuildKit turns a pattern into a Go regexp (`*` -> `.*` or `.*?`, `?` -> `.`, everything else
// literal) and takes Go's leftmost-first match. Here the pattern is a list of fixed-width
// segments separated by stars, and the matcher reproduces which match that regexp reports.
// `.` does not match a newline, so neither `?` nor `*` does.

struct GlobAtom {
  char32_t rune;  // the literal rune, unused when `any`
  bool any;       // `?`
};

struct Glob {
  std::vector<std::vector<GlobAtom>> segments = std::vector<std::vector<GlobAtom>>(1);
  bool has_newline = false;  // a literal newline lets one match span lines
  std::size_t stars() const { return segments.size() - 1; }
};

// Returns the error text for an invalid pattern.
std::optional<std::string> compile_glob(std::string_view pattern, Glob& glob) {
  RuneScanner scanner(pattern);
  for (char32_t token = scanner.next(); token != end_of_input; token = scanner.next()) {
    if (token == '*') {
      glob.segments.emplace_back();
      continue;
    }
    if (token == '?') {
      glob.segments.back().push_back({0, true});
      continue;
    }
    if (token == '\\') {
      // `\}` and `\/` only keep the delimiters out of the way of ${...}; the backslash goes.
      const char32_t following = scanner.peek();
      if (following == '}' || following == '/') continue;
      token = scanner.next();
      if (token != '*' && token != '?' && token != '\\') {
        return "invalid escape '\\" + rune_text(token == end_of_input ? replacement_rune : token) +
               "'";
      }
    }
    if (token == '\n') glob.has_newline = true;
    glob.segments.back().push_back({token, false});
  }
  return std::nullopt;
}

struct MatchSpan {
  std::size_t begin;
  std::size_t end;
};

class GlobMatcher {
 public:
  GlobMatcher(const Glob& glob, const std::vector<char32_t>& text)
      : m_glob(glob), m_text(text), m_size(text.size()) {
    // m_line_end[p]: the first newline at or after p (or the end); a star starting at p stops
    // there.
    m_line_end.resize(m_size + 1);
    m_line_end[m_size] = m_size;
    for (std::size_t p = m_size; p-- > 0;) {
      m_line_end[p] = m_text[p] == '\n' ? p : m_line_end[p + 1];
    }
    if (m_glob.has_newline && m_glob.stars() > 0) build_tables();
  }

  // The end of the match anchored at 0 (BuildKit's `^` + pattern), or nullopt.
  std::optional<std::size_t> match_prefix(bool greedy) const {
    const std::size_t head = m_glob.segments[0].size();
    if (m_glob.has_newline) {
      if (!segment_matches(0, 0, m_size)) return std::nullopt;
      if (m_glob.stars() > 0 && !m_reach_first[head]) return std::nullopt;
      return walk(0, greedy);
    }
    // Without a literal newline the whole match lies on the first line, where stars are free.
    const std::size_t limit = m_line_end[0];
    if (!segment_matches(0, 0, limit)) return std::nullopt;
    if (m_glob.stars() == 0) return head;
    if (greedy) {
      const auto placement = place_latest(head, limit);
      if (!placement) return std::nullopt;
      return placement->end;
    }
    // Lazy stars: each segment at its earliest occurrence, which is what backtracking finds.
    std::size_t pos = head;
    for (std::size_t index = 1; index <= m_glob.stars(); ++index) {
      const std::size_t length = m_glob.segments[index].size();
      bool found = false;
      for (std::size_t at = pos; at + length <= limit; ++at) {
        if (segment_matches(index, at, limit)) {
          pos = at + length;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
    }
    return pos;
  }

  // The leftmost match starting at or after `from`, stars greedy (BuildKit's `/` and `//`).
  std::optional<MatchSpan> find(std::size_t from) const {
    const std::size_t head = m_glob.segments[0].size();
    const std::size_t stars = m_glob.stars();
    if (m_glob.has_newline) {
      for (std::size_t start = from; start <= m_size; ++start) {
        if (!segment_matches(0, start, m_size)) continue;
        if (stars > 0 && !m_reach_first[start + head]) continue;
        return MatchSpan{start, walk(start, true)};
      }
      return std::nullopt;
    }
    std::size_t start = from;
    while (start <= m_size) {
      const std::size_t limit = m_line_end[start];
      if (stars == 0) {
        for (; start + head <= limit; ++start) {
          if (segment_matches(0, start, limit)) return MatchSpan{start, start + head};
        }
      } else if (const auto placement = place_latest(start, limit)) {
        // Greedy stars put every later segment at its latest place on the line, whatever the
        // start, so the leftmost start that leaves room for them wins.
        for (; start + head <= placement->first; ++start) {
          if (segment_matches(0, start, limit)) return MatchSpan{start, placement->end};
        }
      }
      start = limit + 1;
    }
    return std::nullopt;
  }

 private:
  struct Placement {
    std::size_t first;  // where segment 1 starts
    std::size_t end;    // where the last segment ends
  };

  bool segment_matches(std::size_t index, std::size_t at, std::size_t limit) const {
    const std::vector<GlobAtom>& segment = m_glob.segments[index];
    if (at > limit || segment.size() > limit - at) return false;
    for (std::size_t i = 0; i < segment.size(); ++i) {
      const char32_t rune = m_text[at + i];
      if (segment[i].any ? rune == '\n' : rune != segment[i].rune) return false;
    }
    return true;
  }

  // Segments 1..n placed as late as possible within [low, limit), last segment first. That is
  // where greedy stars put them (each star as long as the rest still fits).
  std::optional<Placement> place_latest(std::size_t low, std::size_t limit) const {
    std::size_t bound = limit;
    std::size_t end = limit;
    for (std::size_t index = m_glob.stars(); index >= 1; --index) {
      const std::size_t length = m_glob.segments[index].size();
      if (bound < low || bound - low < length) return std::nullopt;
      bool found = false;
      for (std::size_t at = bound - length + 1; at-- > low;) {
        if (segment_matches(index, at, limit)) {
          if (index == m_glob.stars()) end = at + length;
          bound = at;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
    }
    return Placement{bound, end};
  }

  // For patterns with a literal newline: m_segment_ok[i][q] says segment i can start at q with
  // the rest of the pattern still matchable after it; m_reach_first[p] says a star starting at
  // p can reach a good start of segment 1 without crossing a newline.
  void build_tables() {
    const std::size_t stars = m_glob.stars();
    m_segment_ok.assign(stars + 1, {});
    std::vector<std::uint8_t> reach_next;
    for (std::size_t index = stars; index >= 1; --index) {
      const std::size_t length = m_glob.segments[index].size();
      std::vector<std::uint8_t>& ok = m_segment_ok[index];
      ok.assign(m_size + 1, 0);
      for (std::size_t at = 0; at + length <= m_size; ++at) {
        ok[at] = segment_matches(index, at, m_size) &&
                 (index == stars || reach_next[at + length] != 0);
      }
      std::vector<std::uint8_t> reach(m_size + 1, 0);
      reach[m_size] = ok[m_size];
      for (std::size_t p = m_size; p-- > 0;) {
        reach[p] = ok[p] != 0 || (m_text[p] != '\n' && reach[p + 1] != 0);
      }
      reach_next = std::move(reach);
    }
    m_reach_first = std::move(reach_next);
  }

  // Follows the tables from a feasible start: each star takes the shortest (lazy) or longest
  // (greedy) stretch of its line that still lets the rest match.
  std::size_t walk(std::size_t start, bool greedy) const {
    std::size_t pos = start + m_glob.segments[0].size();
    for (std::size_t index = 1; index <= m_glob.stars(); ++index) {
      const std::vector<std::uint8_t>& ok = m_segment_ok[index];
      const std::size_t line_end = m_line_end[pos];
      std::size_t at = pos;
      if (greedy) {
        at = line_end;
        while (at > pos && ok[at] == 0) --at;
      } else {
        while (at < line_end && ok[at] == 0) ++at;
      }
      pos = at + m_glob.segments[index].size();
    }
    return pos;
  }

  const Glob& m_glob;
  const std::vector<char32_t>& m_text;
  std::size_t m_size;
  std::vector<std::size_t> m_line_end;
  std::vector<std::vector<std::uint8_t>> m_segment_ok;
  std::vector<std::uint8_t> m_reach_first;
};

struct PatternResult {
  std::string value;
  std::optional<std::string> error;
};

PatternResult invalid_pattern(std::string_view pattern, const std::string& reason) {
  return {{}, "invalid pattern (" + std::string(pattern) + ") in substitution: " + reason};
}

// ${v#p} / ${v##p}
PatternResult trim_prefix(std::string_view value, std::string_view pattern, bool greedy) {
  Glob glob;
  if (auto problem = compile_glob(pattern, glob)) return invalid_pattern(pattern, *problem);
  const DecodedText text = decode_text(value);
  const GlobMatcher matcher(glob, text.runes);
  const auto end = matcher.match_prefix(greedy);
  if (!end) return {std::string(value), std::nullopt};
  return {std::string(value.substr(text.offsets[*end])), std::nullopt};
}

// BuildKit reverses the pattern rune by rune but keeps each `\x` pair in order.
std::string reverse_pattern(std::string_view pattern) {
  const std::vector<char32_t> runes = decode_text(pattern).runes;
  std::vector<char32_t> reversed(runes.size());
  const std::size_t last = runes.empty() ? 0 : runes.size() - 1;
  for (std::size_t i = 0; i < runes.size();) {
    const std::size_t out = last - i;
    if (runes[i] == '\\' && i != last) {
      reversed[out - 1] = '\\';
      reversed[out] = runes[i + 1];
      i += 2;
    } else {
      reversed[out] = runes[i];
      ++i;
    }
  }
  std::string text;
  for (const char32_t rune : reversed) append_rune(text, rune);
  return text;
}

// ${v%p} / ${v%%p}: BuildKit reverses value and pattern and trims a prefix. Going through runes
// turns invalid UTF-8 in the value into U+FFFD, match or not; so does this.
PatternResult trim_suffix(std::string_view value, std::string_view pattern, bool greedy) {
  const std::string reversed_pattern = reverse_pattern(pattern);
  Glob glob;
  if (auto problem = compile_glob(reversed_pattern, glob)) {
    return invalid_pattern(reversed_pattern, *problem);
  }
  const std::vector<char32_t> runes = decode_text(value).runes;
  const std::vector<char32_t> reversed(runes.rbegin(), runes.rend());
  const GlobMatcher matcher(glob, reversed);
  const std::size_t cut = matcher.match_prefix(greedy).value_or(0);
  std::string result;
  result.reserve(value.size());
  for (std::size_t i = 0; i + cut < runes.size(); ++i) append_rune(result, runes[i]);
  return {std::move(result), std::nullopt};
}

// Go's Regexp.Expand, which ReplaceAllString applies to the replacement: `$$` is `$`, `$0` and
// `${0}` are the match, any other `$name`/`${name}` is empty (the regexp has no groups), and a
// `$` that starts no valid name stays.
void expand_template(std::string& out, std::string_view replacement, std::string_view match) {
  while (!replacement.empty()) {
    const std::size_t dollar = replacement.find('$');
    if (dollar == std::string_view::npos) break;
    out += replacement.substr(0, dollar);
    replacement.remove_prefix(dollar + 1);
    if (!replacement.empty() && replacement.front() == '$') {
      out += '$';
      replacement.remove_prefix(1);
      continue;
    }
    std::string_view rest = replacement;
    const bool brace = !rest.empty() && rest.front() == '{';
    if (brace) rest.remove_prefix(1);
    std::size_t length = 0;
    while (length < rest.size()) {
      const DecodedRune rune = decode_rune(rest, length);
      if (!is_letter(rune.rune) && !is_digit(rune.rune) && rune.rune != '_') break;
      length += rune.width;
    }
    const bool closed = !brace || (length < rest.size() && rest[length] == '}');
    if (length == 0 || !closed) {
      out += '$';
      continue;
    }
    if (rest.substr(0, length) == "0") out += match;
    replacement = rest.substr(length + (brace ? 1 : 0));
  }
  out += replacement;
}

// ${v/p/r} / ${v//p/r}
PatternResult replace_pattern(std::string_view value, std::string_view pattern,
                              std::string_view replacement, bool replace_all) {
  Glob glob;
  if (auto problem = compile_glob(pattern, glob)) return invalid_pattern(pattern, *problem);
  const DecodedText text = decode_text(value);
  const GlobMatcher matcher(glob, text.runes);
  const auto bytes = [&](std::size_t from, std::size_t to) {
    return value.substr(text.offsets[from], text.offsets[to] - text.offsets[from]);
  };
  const std::size_t size = text.runes.size();
  std::string result;
  if (!replace_all) {
    const auto match = matcher.find(0);
    if (!match) return {std::string(value), std::nullopt};
    result += bytes(0, match->begin);
    result += replacement;
    result += bytes(match->end, size);
    return {std::move(result), std::nullopt};
  }
  // Go's ReplaceAllString: an empty match right after the previous match is not replaced, and
  // the search always moves on by at least one rune.
  std::size_t last_end = 0;
  std::size_t search = 0;
  while (search <= size) {
    const auto match = matcher.find(search);
    if (!match) break;
    result += bytes(last_end, match->begin);
    if (match->end > last_end || match->begin == 0) {
      expand_template(result, replacement, bytes(match->begin, match->end));
    }
    last_end = match->end;
    search = match->end > search ? match->end : search + 1;
  }
  result += bytes(last_end, size);
  return {std::move(result), std::nullopt};
}

// ---- The lexer ---------------------------------------------------------------------------

std::string ascii_upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

// The functions on the recursion path (scan_text -> dollar -> braced_reference -> nested_scan)
// keep their frames small: names live in m_references, nested words in m_out, and the work
// after a nested scan happens in functions that are not inlined into them.
#define MSM_NOINLINE [[gnu::noinline]]

class Lexer {
 public:
  Lexer(std::string_view input, const VariableLookup& lookup, const ExpansionOptions& options,
        bool split_words)
      : m_scanner(input),
        m_lookup(lookup),
        m_options(options),
        m_escape(static_cast<unsigned char>(options.escape)),
        m_split_words(split_words) {
    m_out.reserve(input.size());
  }

  bool run() {
    if (!scan(end_of_input, m_options.keep_escapes, true)) return false;
    if (!m_field.empty()) m_fields.push_back(std::move(m_field));
    return true;
  }

  std::string take_output() { return std::move(m_out); }
  std::vector<std::string> take_fields() { return std::move(m_fields); }
  const std::string& error() const { return m_error; }

  void collect_references(std::vector<std::string>& referenced,
                          std::vector<std::string>& unset) const {
    std::unordered_set<std::string_view> seen;
    for (const Reference& reference : m_references) {
      if (reference.state == LookupState::pending || reference.name.empty()) continue;
      if (!seen.insert(reference.name).second) continue;
      referenced.push_back(reference.name);
      if (reference.state == LookupState::unset) unset.push_back(reference.name);
    }
  }

 private:
  enum class LookupState { pending, set, unset };

  struct Reference {
    std::string name;
    LookupState state;
  };

  bool fail(const char* message) {
    m_error = message;
    return false;
  }

  MSM_NOINLINE bool fail_with(std::string message) {
    m_error = std::move(message);
    return false;
  }

  MSM_NOINLINE bool fail_unterminated(char32_t stop) {
    return fail_with("unexpected end of statement while looking for matching " + rune_text(stop));
  }

  MSM_NOINLINE bool fail_unsupported(bool colon, char32_t modifier) {
    return fail_with("unsupported modifier (" + modifier_text(colon, modifier) +
                     ") in substitution");
  }

  // How BuildKit prints the modifier: the rune(s) read after the name, EOF as U+FFFD.
  static std::string modifier_text(bool colon, char32_t modifier) {
    std::string text = colon ? ":" : "";
    append_rune(text, modifier == end_of_input ? replacement_rune : modifier);
    return text;
  }

  // Names are noted where they are written, and marked when BuildKit would look them up
  // (for `${a:-$b}` it looks up b first), so the reported order is the textual one.
  std::size_t note_reference(std::string name) {
    m_references.push_back({std::move(name), LookupState::pending});
    return m_references.size() - 1;
  }

  const std::string& name_of(std::size_t reference) const { return m_references[reference].name; }

  std::optional<std::string> look_up(std::size_t index) {
    Reference& reference = m_references[index];
    std::optional<std::string> value;
    if (m_lookup) {
      value = m_options.case_insensitive_names ? m_lookup(ascii_upper(reference.name))
                                               : m_lookup(reference.name);
    }
    reference.state = value ? LookupState::set : LookupState::unset;
    return value;
  }

  // Scans up to `stop` (consumed) or the end of input, appending the processed text to m_out.
  bool scan(char32_t stop, bool raw_escapes, bool top_level) {
    const bool saved_raw_escapes = m_raw_escapes;
    m_raw_escapes = raw_escapes;
    const bool ok = scan_text(stop, top_level);
    m_raw_escapes = saved_raw_escapes;
    return ok;
  }

  bool scan_text(char32_t stop, bool top_level) {
    const bool quotes = !m_options.literal_quotes;
    const bool fields = top_level && m_split_words;
    while (!m_scanner.at_end()) {
      char32_t rune = m_scanner.peek();
      if (stop != end_of_input && rune == stop) {
        m_scanner.next();
        return true;
      }
      if (rune == '$' || (quotes && (rune == '\'' || rune == '"'))) {
        const std::size_t start = m_out.size();
        const bool ok = rune == '$' ? dollar() : rune == '\'' ? single_quote() : double_quote();
        if (!ok) return false;
        if (fields) add_piece(start, rune == '$');
        continue;
      }
      m_scanner.next();
      if (rune == m_escape) {
        if (m_raw_escapes) {
          append_rune(m_out, rune);
          if (fields) add_raw_rune(rune);
        }
        rune = m_scanner.next();
        if (rune == end_of_input) break;  // a lone escape at the very end disappears
        append_rune(m_out, rune);
        if (fields) add_raw_rune(rune);
      } else {
        append_rune(m_out, rune);
        if (fields) add_field_rune(rune);
      }
    }
    if (stop != end_of_input) return fail_unterminated(stop);
    return true;
  }

  bool nested_scan(char32_t stop, bool raw_escapes) {
    if (m_depth >= max_substitution_depth) {
      return fail("syntax error: substitution nested too deeply");
    }
    // BuildKit's lexer shares one field buffer between nesting levels and clears it whenever a
    // nested scan starts, so ProcessWords loses the part of the field before such a `${...}`
    // (`a${B:-x}c` gives the field `xc`). Reproduced on purpose.
    if (m_split_words) m_field.clear();
    ++m_depth;
    const bool ok = scan(stop, raw_escapes, false);
    --m_depth;
    return ok;
  }

  bool single_quote() {
    m_scanner.next();
    if (m_options.keep_quotes) m_out += '\'';
    for (;;) {
      const char32_t rune = m_scanner.next();
      if (rune == end_of_input) {
        return fail("unexpected end of statement while looking for matching single-quote");
      }
      if (rune == '\'') {
        if (m_options.keep_quotes) m_out += '\'';
        return true;
      }
      append_rune(m_out, rune);
    }
  }

  bool double_quote() {
    m_scanner.next();
    if (m_options.keep_quotes) m_out += '"';
    for (;;) {
      const char32_t peeked = m_scanner.peek();
      if (peeked == end_of_input) {
        return fail("unexpected end of statement while looking for matching double-quote");
      }
      if (peeked == '"') {
        m_scanner.next();
        if (m_options.keep_quotes) m_out += '"';
        return true;
      }
      if (peeked == '$') {
        if (!dollar()) return false;
        continue;
      }
      char32_t rune = m_scanner.next();
      if (rune == m_escape) {
        if (m_raw_escapes) append_rune(m_out, rune);
        const char32_t following = m_scanner.peek();
        if (following == end_of_input) continue;  // reported as the missing closing quote
        // Only `"`, `$` and the escape itself can be escaped; otherwise the escape is literal
        // (and with raw escapes it is then written twice, as BuildKit does).
        if (following == '"' || following == '$' || following == m_escape) rune = m_scanner.next();
      }
      append_rune(m_out, rune);
    }
  }

  std::string read_name() {
    std::string name;
    while (!m_scanner.at_end()) {
      const char32_t rune = m_scanner.peek();
      if (name.empty() && is_digit(rune)) {
        // Positional parameters: all the digits ($12 is one name, unlike POSIX sh).
        while (!m_scanner.at_end() && is_digit(m_scanner.peek())) {
          append_rune(name, m_scanner.next());
        }
        return name;
      }
      if (name.empty() && is_special_parameter(rune)) return rune_text(m_scanner.next());
      if (!is_letter(rune) && !is_digit(rune) && rune != '_') break;
      append_rune(name, m_scanner.next());
    }
    return name;
  }

  void replace_from(std::size_t start, std::string_view value) {
    m_out.resize(start);
    m_out += value;
  }

  bool dollar() {
    m_scanner.next();
    if (m_scanner.peek() != '{') return simple_reference();
    m_scanner.next();
    return braced_reference();
  }

  // $name
  MSM_NOINLINE bool simple_reference() {
    std::string name = read_name();
    if (name.empty()) {
      m_out += '$';
      return true;
    }
    const std::size_t reference = note_reference(std::move(name));
    const auto value = look_up(reference);
    if (!value && m_options.keep_unset) {
      m_out += '$';
      m_out += name_of(reference);
    } else if (value) {
      m_out += *value;
    }
    return true;
  }

  // ${...}, after the brace.
  bool braced_reference() {
    const char32_t first = m_scanner.peek();
    if (first == end_of_input) return fail("syntax error: missing '}'");
    if (first == '{' || first == '}' || first == ':') return fail("syntax error: bad substitution");
    const std::size_t reference = note_reference(read_name());
    // A missing `}` right after the name reads EOF as the modifier.
    char32_t modifier = m_scanner.next();
    const bool colon = modifier == ':';
    if (colon) {
      modifier = m_scanner.next();
    } else if (modifier == '}') {
      return finish_plain(reference);
    } else if (modifier == '/') {
      return replacement(reference);
    } else if (modifier != '+' && modifier != '-' && modifier != '?' && modifier != '#' &&
               modifier != '%') {
      return fail_unsupported(false, modifier);
    }
    const bool pattern = modifier == '#' || modifier == '%';
    if (colon && pattern) return fail_unsupported(colon, modifier);
    const std::size_t start = m_out.size();
    // After `:` the word is read whatever the modifier is, so a missing `}` beats an
    // unsupported modifier.
    if (!nested_scan('}', pattern)) {
      if (m_scanner.at_end()) m_error = "syntax error: missing '}'";
      return false;
    }
    return finish_modifier(reference, modifier, colon, start);
  }

  // ${v/p/r} and ${v//p/r}, after the first slash.
  bool replacement(std::size_t reference) {
    const bool replace_all = m_scanner.peek() == '/';
    if (replace_all) m_scanner.next();
    const std::size_t start = m_out.size();
    if (!nested_scan('/', true)) {
      if (m_scanner.at_end()) m_error = "syntax error: missing '/' in ${}";
      return false;
    }
    const std::size_t middle = m_out.size();
    if (!nested_scan('}', true)) {
      if (m_scanner.at_end()) m_error = "syntax error: missing '}'";
      return false;
    }
    return finish_replacement(reference, replace_all, start, middle);
  }

  MSM_NOINLINE bool finish_plain(std::size_t reference) {
    const auto value = look_up(reference);
    if (!value && m_options.keep_unset) {
      m_out += "${" + name_of(reference) + "}";
    } else if (value) {
      m_out += *value;
    }
    return true;
  }

  // The word of ${v<modifier>word} is m_out[start:].
  MSM_NOINLINE bool finish_modifier(std::size_t reference, char32_t modifier, bool colon,
                                    std::size_t start) {
    const auto value = look_up(reference);
    const std::string& name = name_of(reference);
    if (!value && m_options.keep_unset) {
      const std::string word = m_out.substr(start);
      replace_from(start, "${" + name + modifier_text(colon, modifier) + word + "}");
      return true;
    }
    const bool unset_or_null = !value || (colon && value->empty());
    switch (modifier) {
      case '-':
        if (!unset_or_null) replace_from(start, *value);
        return true;
      case '+':
        if (unset_or_null) m_out.resize(start);
        return true;
      case '?':
        if (unset_or_null) {
          std::string message = m_out.substr(start);
          if (message.empty()) {
            message = value ? "is not allowed to be empty" : "is not allowed to be unset";
          }
          return fail_with(name + ": " + message);
        }
        replace_from(start, *value);
        return true;
      case '#':
      case '%': {
        const std::string word = m_out.substr(start);
        std::string_view text = word;
        // The doubling is checked after expansion, so `${v#$P}` with P=`#x` is `${v##x}`.
        const bool greedy = !text.empty() && static_cast<unsigned char>(text.front()) == modifier;
        if (greedy) text.remove_prefix(1);
        const std::string current = value.value_or(std::string());
        PatternResult result = modifier == '%' ? trim_suffix(current, text, greedy)
                                               : trim_prefix(current, text, greedy);
        if (result.error) return fail_with(std::move(*result.error));
        replace_from(start, result.value);
        return true;
      }
      default:
        return fail_unsupported(colon, modifier);
    }
  }

  // The pattern is m_out[start:middle], the replacement m_out[middle:].
  MSM_NOINLINE bool finish_replacement(std::size_t reference, bool replace_all, std::size_t start,
                                       std::size_t middle) {
    const std::string pattern = m_out.substr(start, middle - start);
    const std::string replacement_text = m_out.substr(middle);
    m_out.resize(start);
    const auto value = look_up(reference);
    if (!value && m_options.keep_unset) {
      // BuildKit writes a single `/` here even for `//`.
      m_out += "${" + name_of(reference) + "/" + pattern + "/" + replacement_text + "}";
      return true;
    }
    PatternResult result =
        replace_pattern(value.value_or(std::string()), pattern, replacement_text, replace_all);
    if (result.error) return fail_with(std::move(*result.error));
    m_out += result.value;
    return true;
  }

  // ---- fields for expand_words (BuildKit's wordsStruct) ----

  // Text from `$` splits on whitespace; text from quotes does not.
  MSM_NOINLINE void add_piece(std::size_t start, bool split) {
    const std::string_view piece = std::string_view(m_out).substr(start);
    if (!split) {
      m_field += piece;
      m_in_field = true;
      return;
    }
    std::size_t pos = 0;
    while (pos < piece.size()) {
      const DecodedRune rune = decode_rune(piece, pos);
      add_field_rune(rune.rune);
      pos += rune.width;
    }
  }

  void add_field_rune(char32_t rune) {
    if (!is_space(rune)) {
      append_rune(m_field, rune);
      m_in_field = true;
    } else if (m_in_field && !m_field.empty()) {
      m_fields.push_back(std::move(m_field));
      m_field.clear();
      m_in_field = false;
    }
  }

  void add_raw_rune(char32_t rune) {
    append_rune(m_field, rune);
    m_in_field = true;
  }

  RuneScanner m_scanner;
  const VariableLookup& m_lookup;
  const ExpansionOptions& m_options;
  char32_t m_escape;
  bool m_split_words;
  bool m_raw_escapes = false;
  std::size_t m_depth = 0;
  std::string m_out;
  std::string m_error;
  std::vector<Reference> m_references;
  std::vector<std::string> m_fields;
  std::string m_field;
  bool m_in_field = false;
};

#undef MSM_NOINLINE

}  // namespace

Expansion expand_word(std::string_view word, const VariableLookup& lookup,
                      const ExpansionOptions& options) {
  Lexer lexer(word, lookup, options, false);
  Expansion result;
  if (lexer.run()) {
    result.value = lexer.take_output();
  } else {
    result.error = lexer.error();
  }
  lexer.collect_references(result.referenced, result.unset);
  return result;
}

WordsExpansion expand_words(std::string_view text, const VariableLookup& lookup,
                            const ExpansionOptions& options) {
  Lexer lexer(text, lookup, options, true);
  WordsExpansion result;
  if (lexer.run()) {
    result.words = lexer.take_fields();
  } else {
    result.error = lexer.error();
  }
  lexer.collect_references(result.referenced, result.unset);
  return result;
}

VariableLookup lookup_from(std::vector<std::pair<std::string, std::string>> vars,
                           bool case_insensitive) {
  auto table = std::make_shared<std::unordered_map<std::string, std::string>>();
  for (auto& [name, value] : vars) {
    (*table)[case_insensitive ? ascii_upper(name) : std::move(name)] = std::move(value);
  }
  return [table, case_insensitive](std::string_view name) -> std::optional<std::string> {
    const auto found = table->find(case_insensitive ? ascii_upper(name) : std::string(name));
    if (found == table->end()) return std::nullopt;
    return found->second;
  };
}

}  // namespace msm::analysis
