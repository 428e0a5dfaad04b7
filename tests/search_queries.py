"""The query set for search: what lawyers type, and the pages that are right answers.

Each query lists the acceptable pages (paths from the site root); a query passes when one
of them is among the first three results. Used by the browser test and by
benchmarks/search.py."""

from __future__ import annotations

QUERIES: list[tuple[str, set[str]]] = [
    # Unbroken Chinese phrases
    ("北京互联网法院", {"cases/li-v-liu-ai-image", "cases/feilin-v-baidu", "cases/ai-voice-beijing-internet-court", "cases/cat-pendant-beijing-internet-court"}),
    ("广州互联网法院", {"cases/ultraman-guangzhou-internet-court"}),
    ("人工智能生成内容", {"glossary", "chapters/01-status", "index", "chapters/07-overseas"}),
    ("生成式人工智能服务管理暂行办法", {"rules", "glossary", "chapters/06-legal", "chapters/09-compliance", "chapters/08-domestic"}),
    ("著作权法保护", {"chapters/06-legal", "chapters/07-overseas", "chapters/08-domestic", "cases/li-v-liu-ai-image"}),
    ("数据出境安全评估", {"glossary", "chapters/09-compliance"}),
    # Glossary terms, Chinese and English
    ("独创性", {"glossary", "chapters/06-legal"}),
    ("originality", {"glossary", "cases/infopaq-c-5-08"}),
    ("扩散模型", {"glossary", "chapters/03-tools"}),
    ("diffusion model", {"glossary", "chapters/03-tools"}),
    ("深度合成", {"glossary", "rules", "chapters/06-legal"}),
    ("信息网络传播权", {"glossary", "cases/li-v-liu-ai-image", "cases/tencent-v-yingxun-dreamwriter", "cases/feilin-v-baidu"}),
    ("idea-expression dichotomy", {"glossary"}),
    # Docket numbers, whole or in part
    ("京0491民初11279号", {"cases/li-v-liu-ai-image"}),
    ("11279", {"cases/li-v-liu-ai-image"}),
    ("23-5233", {"cases/thaler-v-perlmutter"}),
    ("1:22-cv-01564", {"cases/thaler-v-perlmutter"}),
    ("C-5/08", {"cases/infopaq-c-5-08"}),
    ("10 C 13/2023", {"cases/ss-v-taubel-legal"}),
    # Parties, cases and tools in any language
    ("Thaler", {"cases/thaler-v-perlmutter"}),
    ("Zarya", {"cases/zarya-of-the-dawn"}),
    ("Kashtanova", {"cases/zarya-of-the-dawn"}),
    ("奥特曼", {"cases/ultraman-guangzhou-internet-court", "cases/ultraman-lora-hangzhou"}),
    ("Dreamwriter", {"cases/tencent-v-yingxun-dreamwriter"}),
    ("Midjourney", {"cases/zarya-of-the-dawn", "cases/theatre-dopera-spatial", "cases/zhangjiagang-midjourney-2025", "chapters/03-tools"}),
    ("Infopaq", {"cases/infopaq-c-5-08"}),
    ("SURYAST", {"cases/suryast"}),
    ("菲林", {"cases/feilin-v-baidu"}),
    ("春风", {"cases/li-v-liu-ai-image"}),
    ("TAUBEL", {"cases/ss-v-taubel-legal"}),
    ("Biancheri", {"cases/biancheri-v-rai"}),
    ("腾讯", {"cases/tencent-v-yingxun-dreamwriter"}),
]
