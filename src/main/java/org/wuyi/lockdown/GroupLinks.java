package org.wuyi.lockdown;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.WartimeGroup;

/**
 * A group member's own activation link as the credential for their group's board: genuine, unexpired, of an activation
 * still in force (a stand-down ends every board's writing at once), and of this group.
 */
@Component
class GroupLinks {

    private final Acknowledgements links;
    private final GridDirectory grids;

    GroupLinks(Acknowledgements links, GridDirectory grids) {
        this.links = links;
        this.grids = grids;
    }

    /** The buildings of a grid's compounds by id, named with their compound ("河南新村 3座"), in the compounds' order. */
    Map<Long, String> buildings(String gridCode) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (CompoundView compound : grids.compoundsOf(gridCode)) {
            grids.buildingIds(compound.id()).forEach((name, id) -> names.put(id, compound.name() + " " + name));
        }
        return names;
    }

    /** The link's holder when they are in this group of an activation in force; a 403 otherwise. */
    Acknowledgements.Holder holder(String token, WartimeGroup group) {
        return links.holder(token).filter(holder -> holder.group() == group)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.FORBIDDEN, "group-work.error.link"));
    }

    static String by(Acknowledgements.Holder holder) {
        return "person:" + holder.personId();
    }
}
