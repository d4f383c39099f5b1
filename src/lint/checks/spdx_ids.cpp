// A compact table of SPDX license identifiers (the common ones of the SPDX License List 3.x,
// deprecated `GPL-2.0`-style ids included because images still carry them). SPDX says ids
// match case-insensitively.

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "lint/checks/label_formats.h"

namespace msm::lint::checks {

namespace {
constexpr std::array k_ids = std::to_array<std::string_view>({
    "0BSD", "AAL", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "AGPL-1.0", "AGPL-1.0-only",
    "AGPL-1.0-or-later", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.0", "Apache-1.1", "Apache-2.0",
    "APSL-1.0", "APSL-1.1", "APSL-1.2", "APSL-2.0", "Artistic-1.0", "Artistic-1.0-cl8", "Artistic-1.0-Perl",
    "Artistic-2.0", "Beerware", "BitTorrent-1.0", "BitTorrent-1.1", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause",
    "BSD-2-Clause-FreeBSD", "BSD-2-Clause-NetBSD", "BSD-2-Clause-Patent", "BSD-2-Clause-Views", "BSD-3-Clause",
    "BSD-3-Clause-Attribution", "BSD-3-Clause-Clear", "BSD-3-Clause-LBNL", "BSD-3-Clause-Modification",
    "BSD-3-Clause-No-Nuclear-License", "BSD-3-Clause-Open-MPI", "BSD-4-Clause", "BSD-4-Clause-UC", "BSD-Protection",
    "BSD-Source-Code", "BSL-1.0", "BUSL-1.1", "bzip2-1.0.6", "CAL-1.0", "CATOSL-1.1", "CC-BY-1.0", "CC-BY-2.0",
    "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-4.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0",
    "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC-PDDC", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CDLA-Permissive-1.0",
    "CDLA-Permissive-2.0", "CDLA-Sharing-1.0", "CECILL-1.0", "CECILL-1.1", "CECILL-2.0", "CECILL-2.1", "CECILL-B",
    "CECILL-C", "ClArtistic", "CNRI-Python", "CPAL-1.0", "CPL-1.0", "CUA-OPL-1.0", "curl", "ECL-1.0", "ECL-2.0",
    "EFL-1.0", "EFL-2.0", "Elastic-2.0", "Entessa", "EPL-1.0", "EPL-2.0", "ErlPL-1.1", "EUDatagrid", "EUPL-1.0",
    "EUPL-1.1", "EUPL-1.2", "Fair", "Frameworx-1.0", "FreeBSD-DOC", "FSFAP", "FSFUL", "FSFULLR", "FTL",
    "GFDL-1.1", "GFDL-1.1-only", "GFDL-1.1-or-later", "GFDL-1.2", "GFDL-1.2-only", "GFDL-1.2-or-later", "GFDL-1.3",
    "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-1.0", "GPL-1.0+", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0",
    "GPL-2.0+", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-2.0-with-classpath-exception", "GPL-3.0", "GPL-3.0+",
    "GPL-3.0-only", "GPL-3.0-or-later", "HPND", "ICU", "IJG", "ImageMagick", "Imlib2", "Info-ZIP", "Intel", "IPA",
    "IPL-1.0", "ISC", "JasPer-2.0", "JSON", "LAL-1.2", "LAL-1.3", "LGPL-2.0", "LGPL-2.0+", "LGPL-2.0-only",
    "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1+", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0+",
    "LGPL-3.0-only", "LGPL-3.0-or-later", "LGPLLR", "libpng-2.0", "libtiff", "LiLiQ-P-1.1", "LiLiQ-R-1.1",
    "LiLiQ-Rplus-1.1", "Linux-OpenIB", "LPL-1.0", "LPL-1.02", "LPPL-1.3c", "MirOS", "MIT", "MIT-0", "MIT-CMU",
    "MIT-Modern-Variant", "MIT-advertising", "MIT-enna", "MIT-feh", "MITNFA", "Motosoto", "MPL-1.0", "MPL-1.1",
    "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MulanPSL-1.0", "MulanPSL-2.0", "Multics",
    "NASA-1.3", "Naumen", "NCSA", "NGPL", "Nokia", "NPL-1.0", "NPL-1.1", "NPOSL-3.0", "NTP", "ODbL-1.0", "OFL-1.0",
    "OFL-1.1", "OGL-UK-3.0", "OGTSL", "OLDAP-2.8", "OpenSSL", "OPL-1.0", "OSET-PL-2.1", "OSL-1.0", "OSL-1.1",
    "OSL-2.0", "OSL-2.1", "OSL-3.0", "PDDL-1.0", "PHP-3.0", "PHP-3.01", "PostgreSQL", "PSF-2.0", "Python-2.0",
    "Python-2.0.1", "QPL-1.0", "RPL-1.1", "RPL-1.5", "RPSL-1.0", "RSCPL", "Ruby", "SGI-B-2.0", "SimPL-2.0",
    "SISSL", "Sleepycat", "SMLNJ", "SPL-1.0", "SSPL-1.0", "TCL", "UCL-1.0", "Unicode-3.0", "Unicode-DFS-2015",
    "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "VSL-1.0", "W3C", "W3C-19980720", "W3C-20150513", "Watcom-1.0",
    "WTFPL", "X11", "XFree86-1.1", "Xnet", "xinetd", "Zend-2.0", "Zlib", "zlib-acknowledgement", "ZPL-1.1",
    "ZPL-2.0", "ZPL-2.1",
});

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

bool is_spdx_license_id(std::string_view v) {
  return std::any_of(k_ids.begin(), k_ids.end(), [&](std::string_view id) { return iequal(id, v); });
}

}  // namespace msm::lint::checks
