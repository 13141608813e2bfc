//! The words catalog entries are described in: weight precision, cloud pricing tier, and
//! which list an id belongs to. The scenario uses the same words, so they live here, at
//! the bottom, where both can reach them.

/// A closed set of choices with ids: the same snake_case id in JSON, links and the page
/// (serde and strum spell them with one rule, and a test checks they agree), the list of
/// every choice (`VARIANTS`), and `id()`. Every choice the scenario offers is one of these.
#[macro_export]
macro_rules! choice_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)+ }) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            ::serde::Serialize,
            ::serde::Deserialize,
            ::strum::IntoStaticStr,
            ::strum::VariantArray,
            ::strum::VariantNames,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub fn id(self) -> &'static str {
                self.into()
            }
        }
    };
}

crate::choice_enum! {
    /// Weight precision. Its ids (`fp16`, ...) are the same in JSON, links and the page:
    /// serde and strum spell them with the same snake_case rule (a test checks they agree).
    pub enum Quantization {
        Fp16,
        Fp8,
        Int8,
        Int4,
        /// MXFP4 or NVFP4 weights: FP4 tensor cores where the GPU has them.
        Fp4,
    }
}

impl Quantization {
    /// Bits per weight.
    pub fn bits(self) -> f64 {
        match self {
            Self::Fp16 => 16.0,
            Self::Fp8 | Self::Int8 => 8.0,
            Self::Int4 | Self::Fp4 => 4.0,
        }
    }
}

crate::choice_enum! {
    /// Cloud capacity by commitment: each GPU lists a price for every tier.
    pub enum Pricing {
        OnDemand,
        Reserved,
        Spot,
    }
}

/// The lists a catalog id can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogList {
    /// API models, plus `custom`.
    ApiModels,
    OpenModels,
    Gpus,
    Presets,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use strum::{VariantArray, VariantNames};

    /// serde writes the JSON and strum the ids; both must spell every variant alike.
    fn same_ids<T: Serialize + Copy + Into<&'static str>>(all: &[T]) {
        for &v in all {
            let json = serde_json::to_value(v).unwrap_or_default();
            assert_eq!(json.as_str(), Some(v.into()));
        }
    }

    #[test]
    fn ids_are_the_json_ids() {
        same_ids(<Quantization as VariantArray>::VARIANTS);
        same_ids(<Pricing as VariantArray>::VARIANTS);
        assert_eq!(
            <Quantization as VariantNames>::VARIANTS,
            ["fp16", "fp8", "int8", "int4", "fp4"]
        );
        assert_eq!(
            <Pricing as VariantNames>::VARIANTS,
            ["on_demand", "reserved", "spot"]
        );
        assert_eq!(Pricing::Spot.id(), "spot");
        assert_eq!(Quantization::Int4.bits(), 4.0);
    }
}
