//! The words around the survey benchmarks: a rate's note, a source as cited, the caveat.

use funnel_model::format::format_percent;
use funnel_model::plan::benchmarks::{BenchmarkNote, Position, Source};
use funnel_model::Lang;

/// A source's title as the reader of `lang` should see it: the English page keeps the original
/// (so the article can be found) with a translation beside it.
pub fn cited(lang: Lang, source: &Source) -> String {
    match lang {
        Lang::Ja => source.title.to_string(),
        Lang::En => format!("\"{}\" ({})", source.title, source.title_en),
    }
}

/// A rate outside a benchmark in our own words, with the range and its source.
pub fn benchmark_note(lang: Lang, note: &BenchmarkNote) -> String {
    let b = &note.benchmark;
    let range = if b.approximate {
        match lang {
            Lang::Ja => format!("約{}", format_percent(b.preset())),
            Lang::En => format!("about {}", format_percent(b.preset())),
        }
    } else {
        format!("{}–{}", format_percent(b.low), format_percent(b.high))
    };
    let rate = format_percent(note.rate);
    match (note.position, lang) {
        (Position::FarBelow, Lang::Ja) => format!(
            "{rate}は目安（{range}）を大きく下回っています。出典記事はターゲティングやLPの見直しを勧めています。（出典:「{}」）",
            b.source.title
        ),
        (Position::FarBelow, Lang::En) => format!(
            "{rate} is far below the usual {range}; the source suggests revisiting targeting and the landing page. (Source: {})",
            cited(lang, &b.source)
        ),
        (Position::Below, Lang::Ja) => format!(
            "{rate}は目安（{range}）より低めです。（出典:「{}」）",
            b.source.title
        ),
        (Position::Below, Lang::En) => format!(
            "{rate} is below the usual {range}. (Source: {})",
            cited(lang, &b.source)
        ),
        (Position::Above, Lang::Ja) => format!(
            "{rate}は目安（{range}）より高めです。前提を確認してください。（出典:「{}」）",
            b.source.title
        ),
        (Position::Above, Lang::En) => format!(
            "{rate} is above the usual {range}; check the assumption. (Source: {})",
            cited(lang, &b.source)
        ),
    }
}

/// The caveat that goes with every benchmark, in our own words.
pub fn caveat(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "目安は調査や実務記事の数値で、業種・企業規模・単価・商材によって大きく異なります。範囲外でも誤りとは限りません。自社の実績があればそちらを優先してください。",
        Lang::En => "These ranges are survey and practitioner figures that vary widely by industry, company size, deal size and product. A rate outside them is not necessarily wrong; your own history is the better guide.",
    }
}

#[cfg(test)]
mod tests {
    use funnel_model::plan::benchmarks::{benchmark, Metric};

    use super::*;

    #[test]
    fn a_rate_outside_a_range_is_worded_with_its_source() {
        let b = benchmark(Metric::SqlToMeeting);
        assert_eq!(
            benchmark_note(Lang::En, &b.check(0.40).unwrap()),
            "40% is above the usual 10%–20%; check the assumption. (Source: \"BtoBマーケティングにおけるKPI設定の目安の数字\" (Benchmark figures for setting B2B marketing KPIs))"
        );
        let far = benchmark(Metric::WebAdLeadToMeeting).check(0.03).unwrap();
        assert!(benchmark_note(Lang::Ja, &far).contains("ターゲティングやLP"));
        let search = benchmark(Metric::SearchAdCvr).check(0.05).unwrap();
        assert!(benchmark_note(Lang::En, &search).contains("about 2%"));
    }

    #[test]
    fn the_caveat_is_in_both_languages() {
        assert!(caveat(Lang::Ja).contains("業種"));
        assert!(caveat(Lang::En).contains("industry"));
    }
}
