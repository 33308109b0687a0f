import Testing
import GRULessons
import GRURender

/// A variant's "its own gradient check passes" (LessonVariant) is `gradcheck`'s check with its
/// defaults: the constants of GRULessons (which cannot see GRURender) must stay those of
/// GradientCheckReport.
@Suite struct VariantConditionsTests {
    @Test func theVariantsGradientCheckIsGradchecksDefaults() {
        #expect(VariantConditions.tolerance == GradientCheckReport.defaultTolerance)
        #expect(VariantConditions.floor == GradientCheckReport.floor)
        #expect(VariantConditions.epsilon == GradientCheckReport.defaultEpsilon)
    }
}
