//! The words of the KPI tree that carry its figures: a node's plan, actual and achievement.
//! Pure, so it is compiled and tested natively.

use funnel_model::format::format_percent;
use funnel_model::kpi::{format_value, EvaluatedNode, NodeKind};
use funnel_model::Lang;

use crate::i18n::plan::pick;

/// Target → actual, with the achievement: "目標 20件 ・ 実績 15件 ・ 75%".
pub fn node_detail(n: &EvaluatedNode, lang: Lang) -> String {
    let value =
        |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_value(v, &n.unit, lang));
    if n.kind == NodeKind::Ksf {
        return pick(lang, "重要成功要因", "Key success factor").to_string();
    }
    let mut parts = vec![match lang {
        Lang::Ja => format!("目標 {}", value(n.target)),
        Lang::En => format!("Plan {}", value(n.target)),
    }];
    if n.actual.is_some() {
        parts.push(match lang {
            Lang::Ja => format!("実績 {}", value(n.actual)),
            Lang::En => format!("Actual {}", value(n.actual)),
        });
    }
    if let Some(a) = n.achievement {
        parts.push(format_percent(a));
    }
    parts.join(" ・ ")
}
