// Split a query the way the search index was built: one Chinese character per word
// (see aigc_report/search_index.py). Latin words and docket numbers are left whole.
window.aigcSearchTerm = function (query) {
  return query.replace(/([\u3400-\u9fff\uf900-\ufaff])(?=[\u3400-\u9fff\uf900-\ufaff])/g, "$1 ");
};
// Long pages (the glossary, the chapters) are legitimate answers: weaken Pagefind's
// page-length penalty (default 0.75). Chosen on the query set of tests/search_queries.py:
// 31/32 in the top three with the default, 32/32 with 0.25.
window.aigcSearchRanking = { pageLength: 0.25 };
