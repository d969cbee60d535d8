package dev.gatehouse.docs.containers;

import dev.gatehouse.role.RequiresPermission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@ApplicationScoped
public class Projects {
    private final List<String> names = new CopyOnWriteArrayList<>();

    @RequiresPermission("projects.write")
    public void add(String name) {
        names.add(name);
    }

    @RolesAllowed("admin")
    public void clear() {
        names.clear();
    }
}
