package org.probono.clearinghouse.store;

import java.util.List;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.ProfileStatus;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Lawyer ⇄ item. While PENDING_REVIEW the item sits in the review index (GSI1). */
public final class LawyerItems {
    public static final String ENTITY = "LAWYER";

    private LawyerItems() {}

    public static EnhancedDocument toItem(Lawyer lawyer) {
        Item.Writer item = Item.write(ENTITY, Keys.lawyer(lawyer.id()))
                .string("id", lawyer.id())
                .string("name", lawyer.name())
                .string("email", lawyer.email())
                .string("phone", lawyer.phone())
                .string("firm", lawyer.firm())
                .string("barEnrolmentNumber", lawyer.barEnrolmentNumber())
                .string("barCouncil", lawyer.barCouncil())
                .number("yearsOfPractice", lawyer.yearsOfPractice())
                .strings(
                        "practiceAreas",
                        lawyer.practiceAreas().stream().map(Enum::name).toList())
                .strings("jurisdictions", lawyer.jurisdictions())
                .strings("languages", lawyer.languages())
                .string("preferredLanguage", lawyer.preferredLanguage().code())
                .number("maxActiveMatters", lawyer.maxActiveMatters())
                .number("activeMatters", lawyer.activeMatters())
                .bool("paused", lawyer.paused())
                .enumValue("status", lawyer.status())
                .time("createdAt", lawyer.createdAt())
                .version(lawyer.version());
        if (lawyer.status() == ProfileStatus.PENDING_REVIEW) {
            item.gsi1(Keys.REVIEW_PENDING, Keys.reviewSk(lawyer.createdAt(), lawyer.id()));
        }
        return item.build();
    }

    public static Lawyer from(Item item) {
        List<Category> areas =
                item.strings("practiceAreas").stream().map(Category::valueOf).toList();
        return new Lawyer(
                item.requiredString("id"),
                item.string("name"),
                item.string("email"),
                item.string("phone"),
                item.string("firm"),
                item.string("barEnrolmentNumber"),
                item.string("barCouncil"),
                (int) item.number("yearsOfPractice"),
                areas,
                item.strings("jurisdictions"),
                item.strings("languages"),
                Language.ofStored(item.string("preferredLanguage")),
                (int) item.number("maxActiveMatters"),
                (int) item.number("activeMatters"),
                item.bool("paused"),
                item.enumValue("status", ProfileStatus.class),
                item.time("createdAt"),
                item.version());
    }

    /** The matching index entry for one practice area of an approved lawyer (GSI1 {@code AREA#area}). */
    public static EnhancedDocument areaItem(String lawyerId, Category area) {
        return Item.write("LAWYER_AREA", Keys.practiceArea(lawyerId, area.name()))
                .string("lawyerId", lawyerId)
                .enumValue("area", area)
                .gsi1(Keys.areaIndexPk(area.name()), lawyerId)
                .build();
    }
}
