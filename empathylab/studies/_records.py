"""The study records. Every figure, citation and caveat is taken from SOURCES.md.

``verification`` is SOURCES.md's status key: ``V`` seen in the original source
or its own press release; ``S`` seen only through secondary quotations; ``X``
not verified, no original found. Combined statuses are given as SOURCES.md
gives them (e.g. ``"V/S"``, ``"V (text); S (ranking)"``).
"""

from __future__ import annotations

from .catalog import Study

RECORDS: tuple[Study, ...] = (
    Study(
        key="amex2011",
        title="American Express Global Customer Service Barometer 2011: 9 vs 16",
        citation=("American Express, Global Customer Service Barometer 2011, fieldwork by Echo "
                  "Research. Press release 3 May 2011, Business Wire: 'Good Service is Good "
                  "Business...'"),
        year=2011,
        sample=("US N=1,018 adults 18+, interviewed 2-10 Feb 2011; ten markets of about 1,000 "
                "each (AU, CA, FR, DE, IN, IT, MX, NL, UK, US); margin of error ±3.1 pts per "
                "market"),
        method="Online survey, random sample of adults 18+",
        finding=("Americans 'tell an average of nine people about good experiences and nearly "
                 "twice as many (16 people) about poor ones'."),
        figures={"told_good": 9.0, "told_bad": 16.0, "n_us": 1018.0,
                 "share_very_likely_speak_positively": 0.75,
                 "share_very_likely_speak_negatively": 0.59},
        caveats=(
            "self-reported recall",
            "a mean of a heavily right-skewed count",
            "unclear whether the mean is over all respondents or only over those who told "
            "anyone",
            "US figure only; other countries differ",
            "the same survey (per snowassociates.com) reports 75% very likely to speak "
            "positively after a good experience versus 59% negatively after a bad one, which "
            "undercuts the 'bad news travels further' framing",
            "the 9/16 wording is seen via clemmergroup.com and RetailCustomerExperience "
            "(Aug 2011)",
        ),
        can_support=(
            "that US respondents in 2011 recalled telling more people about bad than about "
            "good service (mean 16 vs 9)",
            "a per-teller or per-customer audience parameter k for a WOM model, run with "
            "uncertainty",
        ),
        cannot_support=(
            "that negative WOM outweighs positive WOM in total (that depends on how many "
            "customers have each experience; see East, Hammond & Wright 2007)",
            "figures for Germany or any market other than the US",
            "actual behaviour or effects on purchases",
        ),
        verification="V",
        section="§2 Claim 1",
    ),
    Study(
        key="amex2012",
        title="American Express 2012 Global Customer Service Barometer: 15 vs 24",
        citation="American Express, 2012 Global Customer Service Barometer, Echo Research",
        year=2012,
        sample="11 markets, about 1,000 each, online, Feb-Mar 2012, ±3.1 pts",
        method="Online survey",
        finding=("On average people tell 15 people about good experiences and 24 about bad "
                 "ones; 47% tell someone about good experiences, 56% about bad ones."),
        figures={"told_good": 15.0, "told_bad": 24.0, "share_tell_good": 0.47,
                 "share_tell_bad": 0.56},
        caveats=(
            "same caveats as 2011 (self-reported, skewed means, unclear base)",
            "the ratio (1.6) is smaller than 2011's (1.78)",
            "seen only through secondary sources (satisfactionsecrets.com, loyalty360.org)",
        ),
        can_support=("share who tell anyone (s) and audience per teller (k) in a WOM model",),
        cannot_support=("a stable 'bad news travels twice as far' ratio: it changes by wave",
                        "behavioural effects of the WOM"),
        verification="S",
        section="§2 Claim 1",
    ),
    Study(
        key="amex2017",
        title="American Express Customer Service Barometer 2017: 11 vs 15",
        citation=("American Express, Customer Service Barometer 2017 ('#WellActually'); the "
                  "original page is now a 404"),
        year=2017,
        sample="Not seen",
        method="Not seen",
        finding=("Americans tell on average 15 people about poor service and 11 about good "
                 "service; millennials are the only generation that tells more people about "
                 "good service than bad."),
        figures={"told_good": 11.0, "told_bad": 15.0},
        caveats=("the ratio falls to 1.36", "sample and method not seen",
                 "seen only through netomi.com (2020)"),
        can_support=("a later-wave audience parameter for a sensitivity comparison",),
        cannot_support=("precise inference: sample size and method are unknown",),
        verification="S",
        section="§2 Claim 1",
    ),
    Study(
        key="east2007",
        title="East, Hammond & Wright (2007): positive WOM about 3x as frequent as negative",
        citation=("East, Hammond & Wright (2007), 'The relative incidence of positive and "
                  "negative word of mouth: A multi-category study', IJRM 24(2):175-184"),
        year=2007,
        sample="15 studies; UK multi-category surveys",
        method="Surveys of WOM given, across categories",
        finding=("In 15 studies, positive WOM exceeds negative WOM in every case; the ratio "
                 "averages 3:1. Categories with high NWOM also have high PWOM. PWOM is mostly "
                 "about the speaker's main brand and follows market share."),
        figures={"ratio_positive_to_negative": 3.0, "n_studies": 15.0},
        caveats=("counts instances of WOM, not audience size",
                 "it still contradicts the 9-vs-16 framing"),
        can_support=("that positive WOM is usually more frequent than negative WOM in a market",
                     "a counter-preset to the AmEx figures"),
        cannot_support=("a per-customer audience size",
                        "the ratio for a given firm or its German market"),
        verification="V",
        section="§2 Supplementary",
    ),
    Study(
        key="east2008",
        title="East, Hammond & Lomax (2008): impact of positive vs negative WOM",
        citation="East, Hammond & Lomax (2008), IJRM 25(3):215-224",
        year=2008,
        sample="Two methods, many categories",
        method=("Respondent-assessed change in purchase probability, before/after, on an "
                "11-point Juster scale"),
        finding=("For familiar brands, PWOM usually has more impact on purchase probability "
                 "than NWOM, because the pre-WOM probability is mostly below 0.5. Impact depends "
                 "on prior probability, how strongly the WOM is expressed, and whether it "
                 "concerns the preferred brand."),
        figures={},
        caveats=("respondent-assessed impact",),
        can_support=("a method to calibrate ι⁺ and ι⁻ on your own customers",
                     "that ι⁺ >= ι⁻ on average for familiar brands"),
        cannot_support=("a numeric default for ι (none is given here)",),
        verification="V",
        section="§2 Supplementary; §3.4",
    ),
    Study(
        key="east2011",
        title="East, Romaniuk & Lomax (2011): NPS misses negative WOM",
        citation="East, Romaniuk & Lomax (2011), IJMR 53(3)",
        year=2011,
        sample="10 UK studies, N = 2,254",
        method="Surveys of WOM givers by customer status",
        finding=("Most NWOM (about 77%) comes from ex- and never-customers, whom NPS surveys do "
                 "not sample. Detractors account for only 3-31% of NWOM; promoters for 32-45% "
                 "of PWOM. Proposes a metric built from the volume × impact of PWOM and NWOM."),
        figures={"share_nwom_from_ex_and_never_customers": 0.77,
                 "detractor_share_of_nwom_low": 0.03, "detractor_share_of_nwom_high": 0.31,
                 "promoter_share_of_pwom_low": 0.32, "promoter_share_of_pwom_high": 0.45},
        caveats=("seen through the abstract plus a measuringu.com summary",),
        can_support=("the volume × impact structure of the WOM model",
                     "the warning that a model fed with current-customer detractors "
                     "under-counts NWOM"),
        cannot_support=("NWOM volumes for a particular firm",),
        verification="V/S",
        section="§2 Supplementary; §3.4",
    ),
    Study(
        key="reichheld_sasser1990",
        title="Reichheld & Sasser (1990): 5 points more retention, 25-95% more profit",
        citation=("Reichheld & Sasser, 'Zero Defections: Quality Comes to Services', HBR "
                  "Sep-Oct 1990, pp. 105-111; summarised in Reichheld & Schefter, 'E-Loyalty: "
                  "Your Secret Weapon on the Web', HBR Jul-Aug 2000"),
        year=1990,
        sample="Bain consulting case analyses in selected service industries",
        method=("Customer life-cycle economics (net present value of the profit stream per "
                "customer)"),
        finding=("2000 wording: raising customer retention rates by 5% raises profits by 25% to "
                 "95%. 1990: cutting defections by 5% generates 85% more profit in one bank's "
                 "branch system, 50% in an insurance brokerage, 30% in an auto-service chain; "
                 "MBNA halved a 10% defection rate and profits rose 125%."),
        figures={"retention_points": 5.0, "profit_gain_low": 0.25, "profit_gain_high": 0.95,
                 "bank_branches": 0.85, "insurance_brokerage": 0.50, "auto_service": 0.30},
        caveats=(
            "'5%' is 5 percentage points less defection (e.g. 15% -> 10%), not a 5% relative "
            "change",
            "the measure is profit per customer / customer NPV in specific industries, not "
            "total firm profit",
            "consulting data, not peer-reviewed, from around 1990",
            "the 95% end is attributed to an ad agency (The Loyalty Effect, 1996); the range "
            "varies by source (25-85%, 35-95%, 25-100%, 25-125%)",
            "with constant margins the CLV formula gives smaller gains (SOURCES.md §3.6: r "
            "0.80 -> 0.85 gives +20% CLV); Reichheld's figures need margins rising with tenure",
        ),
        can_support=("that retention has large effects on customer value in some service "
                     "businesses",),
        cannot_support=("a general elasticity of firm profit to retention (use Gupta, Lehmann "
                        "& Stuart 2004 for a citable one)",),
        verification="V",
        section="§2 Claim 2",
    ),
    Study(
        key="gupta2004",
        title="Gupta, Lehmann & Stuart (2004): Valuing Customers",
        citation="Gupta, Lehmann & Stuart, 'Valuing Customers', JMR 41(1):7-18 (2004)",
        year=2004,
        sample="Public data for 5 firms",
        method="Customer-value model of firm value",
        finding=("A 1% improvement in retention raises firm value by about 5%; a 1% improvement "
                 "in margin by 1%; a 1% improvement in acquisition cost by 0.1%."),
        figures={"firm_value_per_1pct_retention": 0.05, "firm_value_per_1pct_margin": 0.01,
                 "firm_value_per_1pct_acquisition_cost": 0.001},
        caveats=("5 firms only",),
        can_support=("a citable retention elasticity; the CLV convention of the wom module",),
        cannot_support=("elasticities for other industries without checking",),
        verification="V",
        section="§2 Claim 2; §3.6",
    ),
    Study(
        key="pwc2018",
        title="PwC (2018): 73% say experience matters",
        citation=("PwC Consumer Intelligence Series, 'Experience is everything: Here's how to "
                  "get it right' (2018), pwc.com/future-of-cx"),
        year=2018,
        sample="15,000 people in 12 countries (4,000 US)",
        method="Online survey plus in-field interviews",
        finding=("73% of respondents in 12 countries (75% in the US) say customer experience is "
                 "an important factor in purchasing decisions, behind price and product "
                 "quality. Up to a 16% price premium; 32% would walk away from a loved brand "
                 "after one bad experience (17% in the US, 49% in Latin America); 65% of US "
                 "consumers say a positive brand experience influences them more than great "
                 "advertising."),
        figures={"share_cx_important": 0.73, "share_cx_important_us": 0.75,
                 "price_premium_up_to": 0.16, "walk_away_after_one_bad": 0.32,
                 "walk_away_us": 0.17, "walk_away_latin_america": 0.49},
        caveats=("stated importance, not behaviour",
                 "IDC's 2020 blog (Webber) quotes a 73% for a different question "
                 "('differentiated experience inspires loyalty'); it looks like a "
                 "re-attribution of this figure"),
        can_support=("that consumers say experience matters in purchase decisions",),
        cannot_support=("that experience causes loyalty or spending",
                        "an 'IDC 73%' (no IDC study found)"),
        verification="V",
        section="§2 Claim 3",
    ),
    Study(
        key="gei2015",
        title="Global Empathy Index 2015 (Lady Geek): top 10 vs bottom 10",
        citation=("Belinda Parmar, 'The Most (and Least) Empathetic Companies', HBR.org, late "
                  "2015 (Global Empathy Index 2015, Lady Geek)"),
        year=2015,
        sample="A ranking of listed companies, mainly US/UK",
        method=("Index of five categories: ethics, leadership, company culture, brand "
                "perception, public messaging via social media; metrics include CEO approval "
                "from staff (Glassdoor), ratio of women on the board, accounting infractions, "
                "scandals and fines, frequency of complaints, social-media performance (2015: "
                "textual analysis of about 500k tweets and Reddit posts), financials from S&P "
                "Capital IQ, a Lady Geek Opinion Leaders panel; rescaled so the top = 100"),
        finding=("'The top 10 companies in the Global Empathy Index 2015 increased in value "
                 "more than twice as much as the bottom 10 and generated 50% more earnings.' "
                 "Average earnings of the top 10 +6% versus bottom 10 -9%. The five Silicon "
                 "Valley firms in the top 10 grew market cap 23.3%, against a 5.2% weighted "
                 "average for the index. No. 1 Microsoft (100), Audi No. 10."),
        figures={"value_growth_ratio_more_than": 2.0, "earnings_more": 0.50,
                 "earnings_top10": 0.06, "earnings_bottom10": -0.09,
                 "market_cap_growth_silicon_valley_top10": 0.233,
                 "market_cap_growth_index_weighted": 0.052},
        caveats=(
            "correlational top-10 vs bottom-10 comparison over one year",
            "heavily confounded by sector: tech was in a bull run while autos (VW diesel "
            "scandal) and oil were weak",
            "weights and the formula are proprietary and unpublished",
            "no significance testing",
            "ranks 6-9 were not seen; the HBR page was seen only through mirrors",
        ),
        can_support=("a descriptive association between the index and one-year value growth "
                     "in that year's ranking",),
        cannot_support=("that empathy causes financial performance",
                        "an effect net of sector",
                        "replication by others (weights unpublished)"),
        verification="V (Parmar's text); S (ranking and index components)",
        section="§2 Claim 4",
    ),
    Study(
        key="gei2016",
        title="Global Empathy Index 2016 (The Empathy Business)",
        citation=("Belinda Parmar, 'The Most Empathetic Companies, 2016', HBR.org, Dec 2016 "
                  "(The Empathy Business)"),
        year=2016,
        sample=("About 170 listed companies, mainly US/UK plus 10 Indian firms; no Chinese "
                "firms (not enough data)"),
        method=("Same five categories as 2015; 2016 social-media analysis of about 2M tweets "
                "(27 Sep-16 Oct 2016), a carbon metric (new), WEF Young Global Leaders rating "
                "companies' morality; top-20 and bottom-20 lists published"),
        finding=("Repeats the top-10 vs bottom-10 comparison ('(defined by market "
                 "capitalization)'). 1 Facebook (100), 2 Alphabet (99.4), 3 LinkedIn (98.8), 4 "
                 "Netflix, 5 Unilever; tech holds 60% of the top 10 (50% in 2015). Adds 'a "
                 "correlation as high as 80%' between higher-empathy departments and high "
                 "performers, from the consultancy's own client work."),
        figures={"n_companies": 170.0, "tech_share_top10": 0.60, "tech_share_top10_2015": 0.50,
                 "correlation_departments_claimed": 0.80},
        caveats=(
            "same design and confounding as 2015",
            "'earnings defined by market capitalization' is conceptually muddled",
            "the 80% figure comes from unpublished client work",
            "ranks 6-10 were not seen",
        ),
        can_support=("the comparison design reproduced in studies.gei_comparison",),
        cannot_support=("a causal or sector-adjusted effect of empathy on value",),
        verification="V (Parmar's text); S (ranking and index components)",
        section="§2 Claim 4",
    ),
    Study(
        key="businessolver2018",
        title="Businessolver 2018 State of Workplace Empathy: 96% of employees, 87% of CEOs",
        citation=("Businessolver, 2018 State of Workplace Empathy (3rd annual; executive "
                  "summary and e-book)"),
        year=2018,
        sample=("1,000 employees, 100 HR professionals, 150 CEOs and 600 'industry employees', "
                "US only (per extensishr.com)"),
        method="Online survey, mid-to-late January 2018",
        finding=("96% of employees say it is important for employers to demonstrate empathy; "
                 "92% say empathy remains undervalued; 87% of CEOs believe a company's "
                 "financial performance is tied to empathy; more than 80% of all respondents "
                 "say an empathetic workplace has a positive impact on business performance."),
        figures={"employees_empathy_important": 0.96, "employees_undervalued": 0.92,
                 "ceos_performance_tied_to_empathy": 0.87, "n_employees": 1000.0,
                 "n_ceos": 150.0},
        caveats=(
            "the German wording ('should be more empathetic') misreads the item: 96% rate "
            "empathy as important, not as lacking",
            "commissioned by the vendor (benefits-admin software)",
            "self-reported attitudes; the 87% is an opinion, not a measured link",
            "other years differ (2019: 91% of CEOs); cite the year",
        ),
        can_support=("what US employees and CEOs said about workplace empathy in 2018",),
        cannot_support=("that empathy improves financial performance",
                        "that employers lack empathy (the item asks about importance)",
                        "customer empathy"),
        verification="S",
        section="§2 Claim 5",
    ),
    Study(
        key="reichheld2003",
        title="Net Promoter Score (Reichheld 2003)",
        citation=("Reichheld (2003), 'The One Number You Need to Grow', HBR 81(12):46-54 "
                  "(Dec 2003)"),
        year=2003,
        sample="Bain/Satmetrix research",
        method="Linking survey answers to repurchase and referral behaviour",
        finding=("'How likely is it that you would recommend [X] to a friend or colleague?', "
                 "0-10: promoters 9-10, passives 7-8, detractors 0-6; NPS = %promoters - "
                 "%detractors, from -100 to +100."),
        figures={"promoter_min": 9.0, "detractor_max": 6.0},
        caveats=("originator's claims (conflict of interest)",
                 "HBR original seen through quotes and mirrors"),
        can_support=("the promoter/passive/detractor split used as N⁺/N⁻",),
        cannot_support=("that NPS is superior to other satisfaction measures (see Keiningham "
                        "et al. 2007)",
                        "that promoters actually refer (intentions are not behaviour)"),
        verification="V",
        section="§2 Supplementary; §3.1",
    ),
    Study(
        key="keiningham2007",
        title="Keiningham et al. (2007): NPS critique",
        citation=("Keiningham, Cooil, Andreassen & Aksoy (2007), 'A Longitudinal Examination of "
                  "Net Promoter and Firm Revenue Growth', J. Marketing 71(3):39-51"),
        year=2007,
        sample="21 firms, 15,500+ interviews, Norwegian Customer Satisfaction Barometer",
        method="Longitudinal comparison of NPS and ACSI against revenue growth",
        finding=("Using the industries Reichheld cites, the study fails to replicate the 'clear "
                 "superiority' of NPS; in three industries, ACSI and NPS R² are statistically "
                 "indistinguishable."),
        figures={"n_firms": 21.0, "n_interviews_min": 15500.0},
        caveats=("MeasuringU notes that 3-5 firms per industry gives low power",),
        can_support=("doubt about NPS as the single growth predictor",),
        cannot_support=("that NPS is useless (low power; absence of superiority only)",),
        verification="V",
        section="§2 Supplementary",
    ),
    Study(
        key="idc_webber2020",
        title="IDC blog (Webber 2020): '5x spend', '9 vs 16', '73%' without sources",
        citation=("Alan Webber (IDC), 'The Future of Customers and Consumers: Creating Loyalty "
                  "through Digital Transformation', blogs.idc.com, 20 Apr 2020"),
        year=2020,
        sample="None given",
        method="Blog post",
        finding=("Loyal customers spend on average five times more; tell nine people about a "
                 "positive experience, 16 about a bad one; 'IDC has found that 73% of "
                 "consumers' say a differentiated experience inspires their loyalty."),
        figures={"loyal_spend_multiplier": 5.0},
        caveats=(
            "no source is given for the 5x or for 9/16",
            "9/16 matches AmEx 2011; 73% matches PwC 2018 (a different question)",
            "'loyal customers spend 5x more' was not traced to any primary source; candidate "
            "origins differ (RJMetrics 'up to five times' per visit, FiveStars 10x, Bain/"
            "Mainspring 67% more)",
            "the German blogs are very likely translations of this post",
        ),
        can_support=("where the German articles' figures come from",),
        cannot_support=("any of its figures as evidence: use the primary sources; treat the 5x "
                        "as unsourced",),
        verification="V (blog text); X (5x and an IDC primary study)",
        section="§1; §2 Claims 1 and 3; §4",
    ),
    Study(
        key="tarp1980",
        title="TARP / Coca-Cola 'Measuring the Grapevine': complainants tell 4-5 or 9-10",
        citation=("TARP for Coca-Cola, 'Measuring the Grapevine: Consumer Response and "
                  "Word-of-Mouth' (1980/81); popularised by Tom Peters, Thriving on Chaos "
                  "(1987), p. 91"),
        year=1981,
        sample=("Consumers who had complained or made inquiries to Coca-Cola's consumer "
                "affairs department"),
        method="Survey of complainants",
        finding=("Complainants fully satisfied with the response told 4-5 people; those whose "
                 "complaint was not fully resolved told 9-10; more than 12% told 20 or more."),
        figures={"told_satisfied_complainant_low": 4.0, "told_satisfied_complainant_high": 5.0,
                 "told_unresolved_low": 9.0, "told_unresolved_high": 10.0,
                 "share_told_20_or_more_min": 0.12},
        caveats=("the population is complainants, not all customers",
                 "the '9-15' range does not appear in any primary source found",
                 "pre-internet figures (1970s-80s)"),
        can_support=("WOM after complaint handling, for complainants",),
        cannot_support=("WOM of all customers", "a '9-15' range"),
        verification="S",
        section="§2 Claim 1",
    ),
    Study(
        key="anderson1998",
        title="Anderson (1998): satisfaction and WOM, an asymmetric U",
        citation=("Anderson (1998), 'Customer Satisfaction and Word of Mouth', J. Service "
                  "Research 1(1):5-17"),
        year=1998,
        sample="US and Swedish national satisfaction-barometer data",
        method="Satisfaction-barometer analysis",
        finding=("Asymmetric U-shape: dissatisfied customers do talk more, but 'common "
                 "suppositions... appear to be exaggerated'."),
        figures={},
        caveats=("abstract seen only",),
        can_support=("a modest negative asymmetry of WOM",),
        cannot_support=("a 'twice as many' ratio",),
        verification="V",
        section="§2 Supplementary",
    ),
)
