// The review page: one self-contained HTML document (its style and script
// inline, nothing fetched from elsewhere, no framework), compiled into the
// binary so that the screen works wherever the binary is.
#ifndef VERBATIM_SERVE_REVIEW_PAGE_H_
#define VERBATIM_SERVE_REVIEW_PAGE_H_

#include <string_view>

namespace verbatim {

std::string_view ReviewPageHtml();

}  // namespace verbatim

#endif  // VERBATIM_SERVE_REVIEW_PAGE_H_
