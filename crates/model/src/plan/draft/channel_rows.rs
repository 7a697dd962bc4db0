//! Adding, removing, restoring and editing channel rows, and the short list a new scenario
//! starts with.

use crate::plan::channels::ChannelKind;

use super::inputs::{ChannelDraft, PlanDraft, SpendMode, VolumeMode, MAX_CHANNELS};
use super::parse::parse_share;

impl PlanDraft {
    fn channel_mut(&mut self, id: u32) -> Option<&mut ChannelDraft> {
        self.channels.iter_mut().find(|c| c.id == id)
    }

    /// Edits one channel row in place.
    pub fn edit_channel(&mut self, id: u32, edit: impl FnOnce(&mut ChannelDraft)) {
        if let Some(c) = self.channel_mut(id) {
            edit(c);
            if let Some(name) = &mut c.name {
                *name = name.chars().take(crate::stage::MAX_NAME_CHARS).collect();
            }
        }
    }

    /// The short channel list a new scenario starts with (web ads, SEO/content, webinar, with
    /// the sample rates and costs of the full list), for the user to extend; the seven-channel
    /// default stays what older documents without channels mean.
    pub fn starter_channels() -> Vec<ChannelDraft> {
        let shares = [
            (ChannelKind::WebAds, "50"),
            (ChannelKind::SeoContent, "30"),
            (ChannelKind::Webinar, "20"),
        ];
        let full = PlanDraft::default().channels;
        shares
            .iter()
            .zip(0u32..)
            .filter_map(|((kind, share), id)| {
                let c = full.iter().find(|c| c.kind == *kind)?;
                Some(ChannelDraft {
                    id,
                    volume: (*share).to_string(),
                    ..c.clone()
                })
            })
            .collect()
    }

    /// Gives channel `id` the share the other share channels leave (100 % − theirs, at least
    /// 0), so the shares add up to 100 %. False when the channel is not a share channel or the
    /// other shares are not numbers.
    pub fn fill_share(&mut self, id: u32) -> bool {
        let mut others = 0.0;
        for c in &self.channels {
            if c.id != id && c.volume_mode == VolumeMode::Share {
                match parse_share(&c.volume) {
                    Ok(share) => others += share,
                    Err(_) => return false,
                }
            }
        }
        let Some(c) = self
            .channels
            .iter_mut()
            .find(|c| c.id == id && c.volume_mode == VolumeMode::Share)
        else {
            return false;
        };
        c.volume = crate::format::format_decimal((100.0 - others).max(0.0), 4).replace(',', "");
        true
    }

    /// Puts a removed channel back at `index` (its id renewed if a new channel took it), for
    /// undoing a removal.
    pub fn restore_channel(&mut self, index: usize, mut channel: ChannelDraft) -> bool {
        if !self.can_add_channel() {
            return false;
        }
        if self.channels.iter().any(|c| c.id == channel.id) {
            channel.id = self.channels.iter().map(|c| c.id + 1).max().unwrap_or(0);
        }
        self.channels
            .insert(index.min(self.channels.len()), channel);
        true
    }

    pub fn can_add_channel(&self) -> bool {
        self.channels.len() < MAX_CHANNELS
    }

    /// Adds a custom channel with 0 % share (so the shares still add up) and returns its id.
    pub fn add_channel(&mut self) -> Option<u32> {
        if !self.can_add_channel() {
            return None;
        }
        let id = self.channels.iter().map(|c| c.id + 1).max().unwrap_or(0);
        self.channels.push(ChannelDraft {
            id,
            kind: ChannelKind::Custom,
            name: None,
            volume_mode: VolumeMode::Share,
            volume: "0".into(),
            cvr: "2".into(),
            spend_mode: SpendMode::CostPerLead,
            spend: "10,000".into(),
            lead_to_mql: String::new(),
        });
        Some(id)
    }

    pub fn remove_channel(&mut self, id: u32) -> bool {
        let before = self.channels.len();
        if before > 1 {
            self.channels.retain(|c| c.id != id);
        }
        self.channels.len() < before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filling_a_share_balances_the_shares_to_one_hundred() {
        let mut p = PlanDraft::default();
        // 30 + 20 + 15 + 15 + 10 + 5 + 5: set the first to 10, then fill the last
        p.channels[0].volume = "10".into();
        assert_eq!(p.share_total(), Some(80.0));
        let last = p.channels[6].id;
        assert!(p.fill_share(last));
        assert_eq!(p.channels[6].volume, "25");
        assert_eq!(p.share_total(), Some(100.0));
        // already over 100 without it: the filled channel gets 0
        p.channels[0].volume = "90".into();
        assert!(p.fill_share(last));
        assert_eq!(p.channels[6].volume, "0");
        // fractional remainders stay exact to the typed precision
        p.channels[0].volume = "33.3333".into();
        assert!(p.fill_share(last));
        assert_eq!(p.channels[6].volume, "1.6667"); // 100 − 33.3333 − 65
                                                    // a fixed-count channel has no share to fill
        p.channels[1].volume_mode = VolumeMode::Fixed;
        assert!(!p.fill_share(p.channels[1].id));
        // a share that is not a number leaves nothing to compute from
        p.channels[2].volume = "abc".into();
        assert!(!p.fill_share(last));
    }

    #[test]
    fn a_removed_channel_comes_back_where_it_was() {
        let mut p = PlanDraft::default();
        let removed = p.channels[2].clone();
        assert!(p.remove_channel(removed.id));
        assert!(p.restore_channel(2, removed.clone()));
        assert_eq!(p, PlanDraft::default());
        // its id taken meanwhile by a new channel: it comes back under a fresh id
        let last = p.channels[6].clone();
        p.remove_channel(last.id);
        let new_id = p.add_channel().unwrap();
        assert_eq!(new_id, last.id);
        assert!(p.restore_channel(6, last.clone()));
        assert_eq!(p.channels[6].kind, last.kind);
        assert_ne!(p.channels[6].id, new_id);
    }
}
